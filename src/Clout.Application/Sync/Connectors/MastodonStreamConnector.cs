using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clout.Core.Records;
using Clout.Importers;
using Clout.Importers.Mastodon;

namespace Clout.Application.Sync.Connectors;

/// <summary>
/// A Mastodon timeline, live: <c>public</c>, <c>public:local</c>, <c>hashtag:TAG</c> or <c>user</c> (the account's
/// home timeline and notifications, with <c>CLOUT_MASTODON_TOKEN</c>). The streaming API cannot replay, so every run
/// first catches up through the REST timeline from the stored <c>min_id</c> (gap-free, page by page); follow mode
/// then keeps the server-sent event stream open and stores its statuses in batches, moving <c>min_id</c> to the
/// newest stored status.
/// </summary>
public sealed partial class MastodonStreamConnector : ISyncConnector
{
    public string Name => "mastodon-stream";

    public string Description => "public, public:local, hashtag:TAG or user (with CLOUT_MASTODON_TOKEN); endpoint: the server, such as https://mastodon.social";

    public string DefaultEndpoint => "https://mastodon.social";

    public bool Streams => true;

    public string NormalizeFollow(string follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        var f = follow.Trim();
        return f is "public" or "public:local" or "user" || Hashtag().IsMatch(f)
            ? (f.StartsWith("hashtag:", StringComparison.Ordinal) ? "hashtag:" + f[8..].TrimStart('#').ToLowerInvariant() : f)
            : throw new ArgumentException($"mastodon-stream: '{follow}' is not a stream; expected public, public:local, hashtag:TAG or user");
    }

    public async Task RunAsync(SyncRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var token = run.Secret(MastodonConnector.TokenVariable);
        if (run.Source.Follow == "user" && token is null)
        {
            throw new SyncException($"source {run.Source.Id}: the user stream needs an access token in {MastodonConnector.TokenVariable}");
        }

        var headers = SyncHttp.Bearer(token);
        var (timeline, stream) = Paths(run.Source.Follow);
        await CatchUpAsync(run, timeline, headers, cancellationToken).ConfigureAwait(false);
        if (run.Limits is null)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (run.Limits.Duration is { } duration)
        {
            stop.CancelAfter(duration);
        }

        while (!stop.IsCancellationRequested && !Reached(run))
        {
            await StreamAsync(run, new Uri(run.Source.Endpoint + stream), headers, stop.Token).ConfigureAwait(false);
            try
            {
                // A server that keeps closing the stream is not hammered.
                await Task.Delay(run.Options.RetryDelay, run.Clock, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }

    private static (string Timeline, string Stream) Paths(string follow) => follow switch
    {
        "public" => ("/api/v1/timelines/public", "/api/v1/streaming/public"),
        "public:local" => ("/api/v1/timelines/public?local=true", "/api/v1/streaming/public/local"),
        "user" => ("/api/v1/timelines/home", "/api/v1/streaming/user"),
        _ => ($"/api/v1/timelines/tag/{Uri.EscapeDataString(follow[8..])}", $"/api/v1/streaming/hashtag?tag={Uri.EscapeDataString(follow[8..])}"),
    };

    private static async Task CatchUpAsync(SyncRun run, string timeline, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        var limit = Math.Min(run.Options.PageSize, 40);
        var separator = timeline.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 0; page < run.Options.MaxPages; page++)
        {
            var minId = run.Cursor["min_id"] ?? "0";
            var response = await run.GetJsonAsync(new Uri($"{run.Source.Endpoint}{timeline}{separator}min_id={minId}&limit={limit}"), cancellationToken, headers).ConfigureAwait(false);
            var (count, newest) = Newest(response.Body);
            if (count == 0 || newest is null)
            {
                return;
            }

            var items = MastodonApiImporter.ReadFetched([response.ToFetched()], run.ImportOptions, cancellationToken);
            await run.StoreAsync(items, run.Cursor.With("min_id", newest), cancellationToken).ConfigureAwait(false);
            if (count < limit)
            {
                return;
            }
        }
    }

    /// <summary>One connection to the event stream, until it ends, a limit is reached or the run is stopped.</summary>
    private static async Task StreamAsync(SyncRun run, Uri uri, IReadOnlyDictionary<string, string>? headers, CancellationToken stop)
    {
        HttpResponseMessage response;
        try
        {
            response = await run.Http.OpenStreamAsync(run.Source.Id, uri, headers, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }

        using (response)
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop).ConfigureAwait(false), Encoding.UTF8);
            var pending = new List<ImportItem>();
            string? newest = null;
            string? eventName = null;
            var data = new StringBuilder();
            Task<string?>? read = null;
            try
            {
                while (!Reached(run))
                {
                    read ??= reader.ReadLineAsync(stop).AsTask();
                    if (!await StreamWait.CompletesWithinAsync(read, run.Options.StreamIdle, run.Clock).ConfigureAwait(false))
                    {
                        newest = await FlushAsync(run, pending, newest).ConfigureAwait(false);
                        continue;
                    }

                    string? line;
                    try
                    {
                        line = await read.ConfigureAwait(false);
                    }
                    finally
                    {
                        read = null;
                    }

                    if (line is null)
                    {
                        run.Progress("the stream ended; reconnecting after catching up");
                        break;
                    }

                    if (line.StartsWith("event:", StringComparison.Ordinal))
                    {
                        eventName = line[6..].Trim();
                    }
                    else if (line.StartsWith("data:", StringComparison.Ordinal))
                    {
                        data.Append(line.AsSpan(5).TrimStart());
                    }
                    else if (line.Length == 0 && eventName is not null)
                    {
                        if (eventName is "update" or "notification" or "status.update")
                        {
                            run.Events++;
                            var body = Encoding.UTF8.GetBytes(data.ToString());
                            pending.AddRange(MastodonApiImporter.ReadFetched([new FetchedResponse($"{uri}#{eventName}", run.Clock.GetUtcNow(), body)], run.ImportOptions, stop));
                            if (eventName == "update" && IdOf(body) is { } id && (newest is null || MastodonConnector.Later(id, newest)))
                            {
                                newest = id;
                            }
                        }

                        (eventName, data) = (null, data.Clear());
                        if (pending.Count >= run.Options.StreamBatch)
                        {
                            newest = await FlushAsync(run, pending, newest).ConfigureAwait(false);
                        }
                    }

                    // Lines starting with ':' are heartbeats.
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                run.Progress($"connection lost: {e.Message}");
            }

            await FlushAsync(run, pending, newest).ConfigureAwait(false);
        }

        // The stream cannot replay what passed while it was down: the REST timeline fills the gap.
        if (!stop.IsCancellationRequested && !Reached(run))
        {
            await CatchUpAsync(run, Paths(run.Source.Follow).Timeline, headers, stop).ConfigureAwait(false);
        }
    }

    private static async Task<string?> FlushAsync(SyncRun run, List<ImportItem> pending, string? newest)
    {
        if (pending.Count == 0)
        {
            return newest;
        }

        var current = run.Cursor["min_id"];
        var next = newest is not null && (current is null || MastodonConnector.Later(newest, current)) ? run.Cursor.With("min_id", newest) : run.Cursor;
        await run.StoreAsync(pending.ToArray(), next, CancellationToken.None).ConfigureAwait(false);
        pending.Clear();
        return newest;
    }

    private static bool Reached(SyncRun run) => run.Limits?.MaxEvents is { } max && run.Events >= max;

    private static (int Count, string? Newest) Newest(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            return (0, null);
        }

        string? newest = null;
        var count = 0;
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            count++;
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.String && (newest is null || MastodonConnector.Later(v.GetString()!, newest)))
            {
                newest = v.GetString();
            }
        }

        return (count, newest);
    }

    private static string? IdOf(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^hashtag:#?[\p{L}\p{N}_]{1,100}$")]
    private static partial Regex Hashtag();
}
