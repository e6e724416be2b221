using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clout.Importers;
using Clout.Importers.YouTube;

namespace Clout.Application.Sync.Connectors;

/// <summary>
/// YouTube Data API v3 (key in <c>CLOUT_YOUTUBE_KEY</c>): the comment threads of a channel's videos
/// (<c>channel:UC…</c>, through <c>allThreadsRelatedToChannelId</c>) or of one video (<c>video:ID</c>), with the
/// channel or video itself and the videos the threads are on (so each comment becomes an action on the video's
/// owner). Threads come newest first and the API has no "since" parameter, so a run walks back page by page
/// (<c>pageToken</c>) until it reaches threads published at or before the cursor's <c>newest</c>. Pages are stored as
/// they come with the walk's <c>page_token</c>, so a crashed walk resumes where it stopped; <c>newest</c> moves only
/// when a walk completes. Replies added later to a thread older than <c>newest</c> are not fetched again.
/// </summary>
public sealed partial class YouTubeConnector : ISyncConnector
{
    /// <summary>The environment variable with the API key.</summary>
    public const string KeyVariable = "CLOUT_YOUTUBE_KEY";

    public string Name => "youtube";

    public string Description => "channel:UC… (comments on all its videos) or video:ID; endpoint: https://www.googleapis.com/youtube/v3, with a key in CLOUT_YOUTUBE_KEY";

    public string DefaultEndpoint => "https://www.googleapis.com/youtube/v3";

    public bool Streams => false;

    public string NormalizeFollow(string follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        if (Channel().IsMatch(follow))
        {
            return "channel:" + follow;
        }

        return Follow().IsMatch(follow)
            ? follow
            : throw new ArgumentException($"youtube: '{follow}' is neither channel:UC… (a 24-character channel id) nor video:ID (an 11-character video id)");
    }

    public async Task RunAsync(SyncRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var key = run.Secret(KeyVariable) ?? throw new SyncException($"source {run.Source.Id}: the YouTube Data API needs an API key in {KeyVariable}");
        var (kind, id) = (run.Source.Follow.Split(':', 2)[0], run.Source.Follow.Split(':', 2)[1]);
        var limit = Math.Min(run.Options.PageSize, 100);
        var newest = run.Cursor["newest"] is { } n ? DateTimeOffset.Parse(n, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : (DateTimeOffset?)null;
        var walkNewest = run.Cursor["walk_newest"];
        var token = run.Cursor["page_token"];
        var subject = await run.GetJsonAsync(Url(run, kind == "channel" ? $"channels?part=snippet,statistics&id={id}" : $"videos?part=snippet,statistics&id={id}", key), cancellationToken).ConfigureAwait(false);
        var extra = new List<FetchedResponse> { subject.ToFetched() };
        for (var page = 0; page < run.Options.MaxPages; page++)
        {
            var filter = kind == "channel" ? $"allThreadsRelatedToChannelId={id}" : $"videoId={id}";
            var threads = await run.GetJsonAsync(Url(run, $"commentThreads?part=snippet,replies&{filter}&order=time&maxResults={limit}" + (token is null ? "" : $"&pageToken={Uri.EscapeDataString(token)}"), key), cancellationToken).ConfigureAwait(false);
            var (fresh, videos, pageNewest, next, reachedOld) = Threads(threads, newest, run.Source.Id);
            run.Events += fresh;
            if (pageNewest is not null && (walkNewest is null || string.CompareOrdinal(pageNewest, walkNewest) > 0))
            {
                walkNewest = pageNewest;
            }

            var responses = new List<FetchedResponse>(extra) { threads.ToFetched() };
            extra.Clear();
            if (videos.Count > 0)
            {
                var onVideos = await run.GetJsonAsync(Url(run, $"videos?part=snippet,statistics&id={string.Join(',', videos)}", key), cancellationToken).ConfigureAwait(false);
                responses.Add(onVideos.ToFetched());
            }

            var done = reachedOld || next is null;
            var cursor = done
                ? run.Cursor.With("newest", walkNewest ?? run.Cursor["newest"]).With("walk_newest", null).With("page_token", null)
                : run.Cursor.With("walk_newest", walkNewest).With("page_token", next);
            await run.StoreAsync(YouTubeImporter.ReadFetched(responses, run.ImportOptions, run.Today, cancellationToken), cursor, cancellationToken).ConfigureAwait(false);
            if (done)
            {
                return;
            }

            token = next;
        }

        run.StoppedAtPageLimit(run.Cursor);
    }

    private static Uri Url(SyncRun run, string pathAndQuery, string key) => new($"{run.Source.Endpoint}/{pathAndQuery}&key={Uri.EscapeDataString(key)}");

    /// <summary>
    /// The threads of a page newer than <paramref name="newest"/>: how many, the videos they are on, the newest
    /// publication time, the next page token, and whether the page reached threads already stored.
    /// </summary>
    private static (int Fresh, List<string> Videos, string? Newest, string? Next, bool ReachedOld) Threads(SyncResponse response, DateTimeOffset? newest, string source)
    {
        using var doc = JsonDocument.Parse(response.Body);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new SyncException($"source {source}: GET {SyncHttp.Redact(response.Uri)}: field 'items' is missing; expected a commentThreadListResponse");
        }

        var videos = new List<string>();
        string? pageNewest = null;
        var fresh = 0;
        var reachedOld = false;
        foreach (var item in items.EnumerateArray())
        {
            var snippet = item.TryGetProperty("snippet", out var s) ? s : default;
            var published = snippet.ValueKind == JsonValueKind.Object && snippet.TryGetProperty("topLevelComment", out var top)
                && top.TryGetProperty("snippet", out var ts) && ts.TryGetProperty("publishedAt", out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()
                : null;
            if (published is null || !DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                throw new SyncException($"source {source}: GET {SyncHttp.Redact(response.Uri)}: a thread has no snippet.topLevelComment.snippet.publishedAt; expected an RFC 3339 time");
            }

            if (newest is { } stored && at <= stored)
            {
                reachedOld = true;
                continue;
            }

            fresh++;
            var normalized = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            if (pageNewest is null || string.CompareOrdinal(normalized, pageNewest) > 0)
            {
                pageNewest = normalized;
            }

            if (snippet.TryGetProperty("videoId", out var v) && v.ValueKind == JsonValueKind.String && !videos.Contains(v.GetString()!))
            {
                videos.Add(v.GetString()!);
            }
        }

        var next = root.TryGetProperty("nextPageToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return (fresh, videos, pageNewest, next, reachedOld);
    }

    [GeneratedRegex(@"^UC[A-Za-z0-9_-]{22}$")]
    private static partial Regex Channel();

    [GeneratedRegex(@"^(channel:UC[A-Za-z0-9_-]{22}|video:[A-Za-z0-9_-]{11})$")]
    private static partial Regex Follow();
}
