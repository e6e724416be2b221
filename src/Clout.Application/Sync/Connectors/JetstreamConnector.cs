using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Clout.Core.Records;
using Clout.Importers.Bluesky;

namespace Clout.Application.Sync.Connectors;

/// <summary>
/// Bluesky Jetstream over WebSocket (<c>/subscribe?wantedCollections=…&amp;wantedDids=…&amp;cursor=…</c>). The cursor
/// is the <c>time_us</c> of the last stored event; a reconnect replays from it (Jetstream's cursor is inclusive, and
/// the event stored twice is deduplicated). Events are stored in batches. A one-shot run ends once the stream has
/// been quiet for <see cref="SyncOptions.StreamIdle"/>; follow mode runs until its duration or event limit, and
/// reconnects when the connection drops.
/// </summary>
public sealed class JetstreamConnector : ISyncConnector
{
    public string Name => "jetstream";

    public string Description => "collections (NSIDs such as app.bsky.feed.post) and/or DIDs, comma-separated; endpoint: a Jetstream instance, such as wss://jetstream2.us-east.bsky.network";

    public string DefaultEndpoint => "wss://jetstream2.us-east.bsky.network";

    public bool Streams => true;

    public string NormalizeFollow(string follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        var items = follow.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0)
        {
            throw new ArgumentException("jetstream: nothing to follow; expected collections such as app.bsky.feed.post and/or DIDs, comma-separated");
        }

        foreach (var item in items)
        {
            var ok = item.StartsWith("did:", StringComparison.Ordinal)
                ? item.Length > 8 && !item.Contains(' ', StringComparison.Ordinal)
                : BlueskyConnector.Nsid().IsMatch(item.TrimEnd('*').TrimEnd('.')) || item.EndsWith(".*", StringComparison.Ordinal) && BlueskyConnector.Nsid().IsMatch(item[..^2]);
            if (!ok)
            {
                throw new ArgumentException($"jetstream: '{item}' is neither a collection NSID (app.bsky.feed.post, app.bsky.feed.*) nor a DID (did:plc:…)");
            }
        }

        return string.Join(',', items);
    }

    public async Task RunAsync(SyncRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var started = run.Clock.GetUtcNow();
        var deadline = run.Limits?.Duration is { } d ? started + d : (DateTimeOffset?)null;
        var mapper = new JetstreamEvents(run.Source.Endpoint);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (run.Limits?.Duration is { } duration)
        {
            stop.CancelAfter(duration);
        }

        while (!stop.IsCancellationRequested)
        {
            var ended = await ConnectionAsync(run, mapper, deadline, stop.Token).ConfigureAwait(false);
            if (ended || run.Limits is null || Reached(run))
            {
                return;
            }

            run.Progress($"the stream closed; reconnecting from {run.Cursor}");
        }
    }

    /// <summary>One connection. True when the run is over (idle in a one-shot run, a limit reached), false when the stream dropped.</summary>
    private static async Task<bool> ConnectionAsync(SyncRun run, JetstreamEvents mapper, DateTimeOffset? deadline, CancellationToken stop)
    {
        var uri = SubscribeUri(run);
        using var socket = await run.Http.RetryAsync(
            run.Source.Id,
            $"connecting to {uri}",
            async token =>
            {
                var ws = new ClientWebSocket();
                ws.Options.SetRequestHeader("User-Agent", "Clout/1.0 (clout sync)");
                using var connect = CancellationTokenSource.CreateLinkedTokenSource(token);
                connect.CancelAfter(run.Options.RequestTimeout);
                try
                {
                    await ws.ConnectAsync(uri, connect.Token).ConfigureAwait(false);
                    return ws;
                }
                catch (Exception e) when (connect.IsCancellationRequested && !token.IsCancellationRequested)
                {
                    ws.Dispose();
                    throw new TransientFetchProblem("no WebSocket handshake within the request timeout", inner: e);
                }
                catch
                {
                    ws.Dispose();
                    throw;
                }
            },
            stop).ConfigureAwait(false);

        var pending = new List<ImportItem>();
        string? lastTime = null;
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        var flushEvery = run.Limits is null ? run.Options.StreamIdle : TimeSpan.FromMilliseconds(Math.Min(1000, run.Options.StreamIdle.TotalMilliseconds));
        Task<WebSocketReceiveResult>? receive = null;
        try
        {
            while (true)
            {
                receive ??= socket.ReceiveAsync(buffer, stop);
                if (!await StreamWait.CompletesWithinAsync(receive, flushEvery, run.Clock).ConfigureAwait(false))
                {
                    await FlushAsync(run, pending, lastTime, CancellationToken.None).ConfigureAwait(false);
                    if (run.Limits is null)
                    {
                        run.Progress($"no event for {run.Options.StreamIdle.TotalSeconds:0.###} s; caught up");
                        return true;
                    }

                    if (deadline is { } dl && run.Clock.GetUtcNow() >= dl)
                    {
                        return true;
                    }

                    continue;
                }

                WebSocketReceiveResult result;
                try
                {
                    result = await receive.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    await FlushAsync(run, pending, lastTime, CancellationToken.None).ConfigureAwait(false);
                    return true;
                }
                catch (WebSocketException e)
                {
                    // A dropped connection: keep what arrived whole; the next connection resumes from the cursor.
                    await FlushAsync(run, pending, lastTime, CancellationToken.None).ConfigureAwait(false);
                    run.Progress($"connection lost: {e.Message}");
                    return false;
                }
                finally
                {
                    receive = null;
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await FlushAsync(run, pending, lastTime, CancellationToken.None).ConfigureAwait(false);
                    return run.Limits is null;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                run.Events++;
                pending.AddRange(mapper.Parse(text));
                lastTime = mapper.TimeUs?.ToString(CultureInfo.InvariantCulture) ?? lastTime;
                if (pending.Count >= run.Options.StreamBatch)
                {
                    await FlushAsync(run, pending, lastTime, CancellationToken.None).ConfigureAwait(false);
                }

                if (Reached(run))
                {
                    await FlushAsync(run, pending, lastTime, CancellationToken.None).ConfigureAwait(false);
                    return true;
                }
            }
        }
        finally
        {
            if (socket.State == WebSocketState.Open)
            {
                try
                {
                    using var close = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", close.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                    // Closing is a courtesy; the events are stored already.
                }
            }
        }
    }

    private static bool Reached(SyncRun run) => run.Limits?.MaxEvents is { } max && run.Events >= max;

    private static async Task FlushAsync(SyncRun run, List<ImportItem> pending, string? lastTime, CancellationToken cancellationToken)
    {
        if (pending.Count == 0 && (lastTime is null || lastTime == run.Cursor["time_us"]))
        {
            return;
        }

        await run.StoreAsync(pending.ToArray(), lastTime is null ? run.Cursor : run.Cursor.With("time_us", lastTime), cancellationToken).ConfigureAwait(false);
        pending.Clear();
    }

    private static Uri SubscribeUri(SyncRun run)
    {
        var query = new StringBuilder("/subscribe?");
        foreach (var item in run.Source.Follow.Split(','))
        {
            query.Append(item.StartsWith("did:", StringComparison.Ordinal) ? "wantedDids=" : "wantedCollections=").Append(Uri.EscapeDataString(item)).Append('&');
        }

        if (run.Cursor["time_us"] is { } cursor)
        {
            query.Append("cursor=").Append(cursor).Append('&');
        }

        var endpoint = run.Source.Endpoint;
        if (endpoint.StartsWith("http", StringComparison.Ordinal))
        {
            endpoint = "ws" + endpoint[4..];
        }

        return new Uri(endpoint + query.ToString().TrimEnd('&'));
    }
}
