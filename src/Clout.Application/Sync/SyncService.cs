using System.Diagnostics;
using System.Globalization;
using System.Net;
using Clout.Core.Storage;

namespace Clout.Application.Sync;

/// <summary>
/// The sync sources of a store and their runs: <c>clout sync add|list|remove</c> and <c>clout sync</c>. Each source
/// runs on its own; one that fails records its error and the others still run.
/// </summary>
public sealed class SyncService(ICloutStore store, SyncOptions options, TimeProvider clock, HttpMessageHandler? handler = null)
{
    /// <summary>Checks and stores a new source; its id is the connector's name and the next free number.</summary>
    public async Task<SyncSource> AddAsync(string connectorName, string follow, string? endpoint, CancellationToken cancellationToken)
    {
        var connector = SyncConnectors.Find(connectorName)
            ?? throw new ArgumentException($"'{connectorName}' is not a sync connector; expected one of {SyncConnectors.Names}");
        if (string.IsNullOrWhiteSpace(follow))
        {
            throw new ArgumentException($"{connector.Name}: what to follow is empty; expected {connector.Description}");
        }

        var normalized = connector.NormalizeFollow(follow.Trim());
        // A feed's endpoint is the feed itself.
        var url = NormalizeEndpoint(endpoint ?? (connector.DefaultEndpoint.Length > 0 ? connector.DefaultEndpoint : normalized), connector);
        var existing = await store.ListSyncSourcesAsync(cancellationToken).ConfigureAwait(false);
        if (existing.FirstOrDefault(s => s.Connector == connector.Name && s.Endpoint == url && s.Follow == normalized) is { } same)
        {
            throw new InvalidOperationException($"source {same.Id} already follows {normalized} at {url}");
        }

        var prefix = connector.Name + "-";
        var next = 1 + existing
            .Where(s => s.Id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => int.TryParse(s.Id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        var source = new SyncSource(prefix + next.ToString(CultureInfo.InvariantCulture), connector.Name, url, normalized, clock.GetUtcNow());
        await store.SaveSyncSourceAsync(source, cancellationToken).ConfigureAwait(false);
        return source;
    }

    /// <summary>
    /// Runs every source once (or only <paramref name="only"/>), in id order. With <paramref name="limits"/>, stream
    /// sources stay connected until a limit is reached (follow mode) and other sources are skipped.
    /// </summary>
    public async Task<IReadOnlyList<SyncSourceReport>> RunAsync(string? only, StreamLimits? limits, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        options.Validate();
        var sources = await store.ListSyncSourcesAsync(cancellationToken).ConfigureAwait(false);
        if (only is not null)
        {
            sources = sources.Where(s => s.Id == only).ToArray();
            if (sources.Count == 0)
            {
                throw new KeyNotFoundException($"no sync source '{only}' in {store.Location}; see clout sync list");
            }
        }

        if (limits is not null)
        {
            var streams = sources.Where(s => SyncConnectors.Find(s.Connector)?.Streams == true).ToArray();
            if (streams.Length == 0)
            {
                throw new ArgumentException("--follow needs a stream source (jetstream or mastodon-stream); none is selected");
            }

            sources = streams;
        }

        using var client = CreateClient();
        var reports = new List<SyncSourceReport>();
        foreach (var source in sources)
        {
            reports.Add(await RunOneAsync(source, client, limits, progress, cancellationToken).ConfigureAwait(false));
        }

        return reports;
    }

    private async Task<SyncSourceReport> RunOneAsync(SyncSource source, HttpClient client, StreamLimits? limits, Action<string> progress, CancellationToken cancellationToken)
    {
        void Say(string line) => progress($"{source.Id}: {line}");
        var started = Stopwatch.GetTimestamp();
        var http = new SyncHttp(client, options, clock, Say);
        SyncRun run;
        try
        {
            run = new SyncRun(source, store, http, options, clock, Say, limits);
        }
        catch (SyncException e)
        {
            Say($"stopped: {e.Message}");
            var failed = source with { LastRun = clock.GetUtcNow(), LastError = e.Message, LastCount = 0 };
            await store.SaveSyncSourceAsync(failed, cancellationToken).ConfigureAwait(false);
            return new SyncSourceReport(failed, new(), 0, [], 0, 0, 0, e.Message, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        string? error = null;
        var connector = SyncConnectors.Find(source.Connector);
        Say($"syncing {source.Follow} from {source.Endpoint}" + (source.Cursor is { } c ? $" after {c}" : " from the start"));
        try
        {
            if (connector is null)
            {
                throw new SyncException($"source {source.Id}: unknown connector '{source.Connector}'; expected one of {SyncConnectors.Names}");
            }

            await connector.RunAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (SyncException e)
        {
            error = e.Message;
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or HttpRequestException or IOException)
        {
            error = $"source {source.Id}: {e.Message}";
        }

        if (error is not null)
        {
            Say($"stopped: {error}");
        }

        // The cursor is whatever the last stored page left; the run only adds when it ended and how.
        var finished = run.Source with { LastRun = clock.GetUtcNow(), LastError = error, LastCount = run.Counts.Accounts + run.Counts.Posts + run.Counts.Actions + run.Counts.Metrics };
        await store.SaveSyncSourceAsync(finished, cancellationToken).ConfigureAwait(false);
        return new SyncSourceReport(finished, run.Counts, run.Skipped, run.Errors, run.Pages, http.Requests, run.Events, error, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private HttpClient CreateClient()
    {
        var client = handler is null
            ? new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(handler, disposeHandler: false);

        // Each attempt has its own timeout in the pipeline.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Clout/1.0 (clout sync; social influence scores)");
        return client;
    }

    private static string NormalizeEndpoint(string endpoint, ISyncConnector connector)
    {
        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "ws" or "wss"))
        {
            throw new ArgumentException($"--endpoint '{endpoint}' is not an absolute http(s) or ws(s) URL; expected something like {connector.DefaultEndpoint}");
        }

        return uri.ToString().TrimEnd('/');
    }
}
