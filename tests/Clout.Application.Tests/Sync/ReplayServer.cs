using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clout.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clout.Application.Tests.Sync;

/// <summary>
/// A local server (Kestrel on 127.0.0.1, a free port) that answers like the real APIs from the recorded real responses
/// in the shared fixtures: Mastodon account statuses paged by min_id, Bluesky listRecords paged by record key,
/// Jetstream over WebSocket from the recorded events, and a feed with ETags. Tests decide how much of each recording
/// is "published" so far, inject faults, and read the request log.
/// </summary>
internal sealed partial class ReplayServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Fault> faults = new();
    private readonly List<JsonObject> statuses;
    private readonly List<string> events;
    private readonly string feed;

    private ReplayServer(WebApplication app, List<JsonObject> statuses, List<string> events, string feed)
    {
        this.app = app;
        this.statuses = statuses;
        this.events = events;
        this.feed = feed;
    }

    public string Url { get; private set; } = "";

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>How many of the account's statuses exist so far (oldest first).</summary>
    public int StatusesPublished { get; set; } = int.MaxValue;

    /// <summary>How many of a repository's records exist so far (by record key).</summary>
    public int RecordsPublished { get; set; } = int.MaxValue;

    /// <summary>How many of the recorded Jetstream events have happened so far (in time order, as Jetstream plays them).</summary>
    public int EventsPublished { get; set; } = int.MaxValue;

    /// <summary>When set, every Jetstream connection without a cursor is aborted after sending this many events.</summary>
    public int? DropStreamAfter { get; set; }

    /// <summary>How many of the feed's newest entries are left out (not yet published).</summary>
    public int FeedEntriesHidden { get; set; }

    /// <summary>The Mastodon account whose statuses are served (the fixture's admin account).</summary>
    public const string MastodonAccountId = "117020565693913441";

    public IReadOnlyList<JsonObject> Statuses => statuses;

    public IReadOnlyList<string> Events => events;

    public static async Task<ReplayServer> StartAsync()
    {
        var mastodon = SharedData.Require("fixtures/mastodon-api/mastodon-py-cassettes");
        var jetstream = SharedData.Require("fixtures/bluesky/jetstream-corpus/expected_v1.jsonl");
        var feedFile = SharedData.Require("fixtures/rss-atom/feed-rs/atom_mediarss_reddit_1.xml");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ReplayServer(app, LoadStatuses(mastodon), File.ReadAllLines(jetstream).Where(l => l.Length > 0)
            .OrderBy(l => JsonDocument.Parse(l).RootElement.GetProperty("time_us").GetInt64()).ToList(), File.ReadAllText(feedFile));
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public void Inject(Fault fault) => faults.Enqueue(fault);

    public int FaultsLeft => faults.Count;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var target = path + context.Request.QueryString.Value;
        Requests.Enqueue(target);
        if (faults.TryPeek(out var fault) && target.Contains(fault.Path, StringComparison.Ordinal) && faults.TryDequeue(out fault))
        {
            if (await FailAsync(context, fault))
            {
                return;
            }
        }

        var q = context.Request.Query;
        if (path == "/subscribe" && context.WebSockets.IsWebSocketRequest)
        {
            await StreamAsync(context);
            return;
        }

        var body = path switch
        {
            "/api/v1/accounts/lookup" => LookupAccount(q["acct"].ToString()),
            _ when AccountStatuses().Match(path) is { Success: true } m => StatusPage(m.Groups[1].Value, q["min_id"].ToString(), int.Parse(q["limit"].ToString() is { Length: > 0 } l ? l : "20", System.Globalization.CultureInfo.InvariantCulture)),
            "/xrpc/com.atproto.repo.listRecords" => ListRecords(q["repo"].ToString(), q["collection"].ToString(), q["cursor"].ToString(), int.Parse(q["limit"].ToString(), System.Globalization.CultureInfo.InvariantCulture)),
            "/xrpc/com.atproto.identity.resolveHandle" => JsonSerializer.Serialize(new { did = BusiestDid() }),
            "/feed.xml" => null,
            _ => null,
        };

        if (RedditListing().Match(path) is { Success: true } listing)
        {
            body = RedditPage(listing.Groups[1].Value, q["before"].ToString(), int.Parse(q["limit"].ToString(), System.Globalization.CultureInfo.InvariantCulture));
        }

        if (path.StartsWith("/youtube/v3/", StringComparison.Ordinal))
        {
            body = YouTube(path[12..], q["id"].ToString(), q["pageToken"].ToString(), q["maxResults"].ToString());
        }

        if (path == "/api/v1/timelines/public")
        {
            body = StatusPage(MastodonAccountId, q["min_id"].ToString(), int.Parse(q["limit"].ToString(), System.Globalization.CultureInfo.InvariantCulture));
        }

        if (path == "/api/v1/streaming/public")
        {
            await EventStreamAsync(context);
            return;
        }

        if (path == "/feed.xml")
        {
            await FeedAsync(context);
            return;
        }

        if (body is null)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("""{"error":"Record not found"}""");
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    /// <summary>Applies a fault; false when the request should then be answered normally (a stall the client waited out).</summary>
    private static async Task<bool> FailAsync(HttpContext context, Fault fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.TooManyRequests:
                context.Response.StatusCode = 429;
                if (fault.RetryAfter is not null)
                {
                    context.Response.Headers["Retry-After"] = fault.RetryAfter;
                }

                if (fault.ResetHeader is not null)
                {
                    context.Response.Headers["X-RateLimit-Remaining"] = "0";
                    context.Response.Headers["X-RateLimit-Reset"] = fault.ResetHeader;
                }

                await context.Response.WriteAsync("""{"error":"Too many requests"}""");
                return true;
            case FaultKind.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("""{"error":"internal error"}""");
                return true;
            case FaultKind.Unavailable:
                context.Response.StatusCode = 503;
                await context.Response.WriteAsync("<html>upstream unavailable</html>");
                return true;
            case FaultKind.LimitUsedUp:
                context.Response.Headers["X-RateLimit-Limit"] = "300";
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                context.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
                return false;
            case FaultKind.NotFound:
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("""{"error":"Record not found"}""");
                return true;
            case FaultKind.Stall:
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return true;
            case FaultKind.Truncated:
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = 4000;
                await context.Response.Body.WriteAsync(new byte[1000].Select(_ => (byte)' ').ToArray());
                await context.Response.Body.FlushAsync();
                context.Abort();
                return true;
            case FaultKind.CutJson:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""[{"id":"1","content":"<p>cut""");
                return true;
            default:
                return false;
        }
    }

    private static List<JsonObject> LoadStatuses(string folder)
    {
        var byId = new SortedDictionary<string, JsonObject>(Comparer<string>.Create((a, b) => a.Length != b.Length ? a.Length - b.Length : string.CompareOrdinal(a, b)));
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var node = JsonNode.Parse(File.ReadAllText(file));
            IEnumerable<JsonNode?> items = node is JsonArray a ? a : [node];
            foreach (var item in items)
            {
                if (item is JsonObject s && s["content"] is not null && s["account"]?["id"]?.GetValue<string>() == MastodonAccountId)
                {
                    byId[s["id"]!.GetValue<string>()] = s;
                }
            }
        }

        return byId.Values.ToList();
    }

    private string? LookupAccount(string acct) =>
        statuses.Select(s => s["account"]!.AsObject()).FirstOrDefault(a => a["acct"]!.GetValue<string>() == acct.TrimStart('@'))?.ToJsonString();

    /// <summary>Mastodon's min_id: the page of statuses just after min_id, newest first.</summary>
    private string? StatusPage(string account, string minId, int limit)
    {
        if (account != MastodonAccountId)
        {
            return null;
        }

        var after = minId.Length == 0 ? "0" : minId;
        var page = statuses.Take(StatusesPublished)
            .Where(s => Later(s["id"]!.GetValue<string>(), after))
            .Take(Math.Min(limit, 40))
            .Reverse()
            .Select(s => s.DeepClone())
            .ToArray();
        return new JsonArray(page).ToJsonString();
    }

    private static bool Later(string a, string b) => a.Length != b.Length ? a.Length > b.Length : string.CompareOrdinal(a, b) > 0;

    /// <summary>The DID with the most recorded create events.</summary>
    public string BusiestDid() =>
        Creates().GroupBy(e => e.Did).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    /// <summary>The records a repository holds in a collection, by record key, as listRecords returns them.</summary>
    public IReadOnlyList<(string Rkey, string Uri)> RecordsOf(string did, string collection) =>
        Creates().Where(e => e.Did == did && e.Collection == collection).OrderBy(e => e.Rkey, StringComparer.Ordinal).Take(RecordsPublished)
            .Select(e => (e.Rkey, $"at://{did}/{collection}/{e.Rkey}")).ToArray();

    private IEnumerable<(string Did, string Collection, string Rkey, JsonNode Record, string? Cid)> Creates()
    {
        foreach (var line in events)
        {
            var e = JsonNode.Parse(line)!;
            if (e["kind"]?.GetValue<string>() == "commit" && e["commit"]?["operation"]?.GetValue<string>() == "create")
            {
                var c = e["commit"]!;
                yield return (e["did"]!.GetValue<string>(), c["collection"]!.GetValue<string>(), c["rkey"]!.GetValue<string>(), c["record"]!, c["cid"]?.GetValue<string>());
            }
        }
    }

    private string ListRecords(string repo, string collection, string cursor, int limit)
    {
        var all = Creates().Where(e => e.Did == repo && e.Collection == collection).OrderBy(e => e.Rkey, StringComparer.Ordinal).Take(RecordsPublished).ToList();
        var page = all.Where(e => cursor.Length == 0 || string.CompareOrdinal(e.Rkey, cursor) > 0).Take(limit).ToList();
        var records = new JsonArray(page.Select(e => (JsonNode)new JsonObject
        {
            ["uri"] = $"at://{e.Did}/{e.Collection}/{e.Rkey}",
            ["cid"] = e.Cid,
            ["value"] = e.Record.DeepClone(),
        }).ToArray());
        var result = new JsonObject { ["records"] = records };
        if (page.Count > 0)
        {
            result["cursor"] = page[^1].Rkey;
        }

        return result.ToJsonString();
    }

    private async Task StreamAsync(HttpContext context)
    {
        var q = context.Request.Query;
        var collections = q["wantedCollections"].Select(c => c!).ToArray();
        var dids = q["wantedDids"].Select(d => d!).ToArray();
        var cursor = long.TryParse(q["cursor"].ToString(), out var c) ? c : 0;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var sent = 0;
        foreach (var line in events.Take(EventsPublished))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var time = root.GetProperty("time_us").GetInt64();
            var did = root.GetProperty("did").GetString()!;
            var collection = root.TryGetProperty("commit", out var commit) ? commit.GetProperty("collection").GetString() : null;
            if (time < cursor || (dids.Length > 0 && !dids.Contains(did)) || (collections.Length > 0 && (collection is null || !collections.Any(w => Matches(w, collection)))))
            {
                continue;
            }

            if (DropStreamAfter is { } n && sent == n && cursor == 0)
            {
                // Aborting at once would reset the connection before the client has read its handshake and events.
                await Task.Delay(300, context.RequestAborted);
                context.Abort();
                return;
            }

            await socket.SendAsync(Encoding.UTF8.GetBytes(line), WebSocketMessageType.Text, true, context.RequestAborted);
            sent++;
        }

        // Stay open like a live stream until the client leaves.
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var r = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
    }

    /// <summary>Mastodon's streaming API: a heartbeat, then every status not yet published as an update event; stays open.</summary>
    private async Task EventStreamAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync(":)\n\n", context.RequestAborted);
        foreach (var status in statuses.Skip(StatusesPublished))
        {
            await context.Response.WriteAsync($"event: update\ndata: {status.ToJsonString()}\n\n", context.RequestAborted);
            await context.Response.WriteAsync(":thump\n\nevent: delete\ndata: 1\n\n", context.RequestAborted);
        }

        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static bool Matches(string wanted, string collection) =>
        wanted.EndsWith(".*", StringComparison.Ordinal) ? collection.StartsWith(wanted[..^1], StringComparison.Ordinal) : wanted == collection;

    private async Task FeedAsync(HttpContext context)
    {
        var text = feed;
        for (var i = 0; i < FeedEntriesHidden; i++)
        {
            var start = text.IndexOf("<entry", StringComparison.Ordinal);
            var end = text.IndexOf("</entry>", start, StringComparison.Ordinal) + "</entry>".Length;
            text = text.Remove(start, end - start);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = (int)HttpStatusCode.NotModified;
            return;
        }

        context.Response.Headers.ETag = etag;
        context.Response.ContentType = "application/atom+xml";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    /// <summary>How many of each Reddit listing's things exist so far (oldest first).</summary>
    public int RedditPublished { get; set; } = int.MaxValue;

    /// <summary>A recorded listing's things, newest first (as Reddit lists new things).</summary>
    public IReadOnlyList<JsonObject> RedditThings(string listing) =>
        (listing == "new" ? redditPosts : redditComments).Value;

    private readonly Lazy<List<JsonObject>> redditPosts = new(() => Things("TestSubredditListings.test_hot__01__GET_r_askreddit_hot.json"));
    private readonly Lazy<List<JsonObject>> redditComments = new(() => Things("TestSubredditListings.test_comments__01__GET_r_askreddit_comments.json"));

    private static List<JsonObject> Things(string file)
    {
        var listing = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.Require("fixtures/reddit-api/praw-cassettes"), file)))!;
        return listing["data"]!["children"]!.AsArray().Select(c => c!.AsObject())
            .OrderByDescending(c => c["data"]!["created_utc"]!.GetValue<double>())
            .ThenByDescending(c => c["data"]!["name"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reddit's before: the things just newer than the anchor, newest first; without it the newest page.</summary>
    private string RedditPage(string listing, string before, int limit)
    {
        var all = RedditThings(listing);
        var visible = all.Skip(Math.Max(0, all.Count - RedditPublished)).ToList();
        List<JsonObject> page;
        if (before.Length == 0)
        {
            page = visible.Take(limit).ToList();
        }
        else
        {
            var at = visible.FindIndex(t => t["data"]!["name"]!.GetValue<string>() == before);
            page = at <= 0 ? [] : visible.Take(at).TakeLast(limit).ToList();
        }

        var data = new JsonObject
        {
            ["children"] = new JsonArray(page.Select(t => (JsonNode)t.DeepClone()).ToArray()),
            ["before"] = page.Count > 0 ? page[0]["data"]!["name"]!.GetValue<string>() : null,
            ["after"] = page.Count > 0 ? page[^1]["data"]!["name"]!.GetValue<string>() : null,
        };
        return new JsonObject { ["kind"] = "Listing", ["data"] = data }.ToJsonString();
    }

    /// <summary>How many of the recorded comment threads exist so far (oldest first).</summary>
    public int ThreadsPublished { get; set; } = int.MaxValue;

    /// <summary>The recorded comment threads (all on one video of the recorded channel), newest first.</summary>
    public IReadOnlyList<JsonObject> Threads => YouTubeItems("comment_threads_comment_threads_multi.json")
        .OrderByDescending(t => t["snippet"]!["topLevelComment"]!["snippet"]!["publishedAt"]!.GetValue<string>(), StringComparer.Ordinal).ToList();

    private static List<JsonObject> YouTubeItems(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.Require("fixtures/youtube-api/python-youtube"), file)))!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    /// <summary>YouTube Data API: channels and videos by id, comment threads newest first with offset page tokens.</summary>
    private string? YouTube(string resource, string ids, string pageToken, string maxResults)
    {
        var wanted = ids.Split(',', StringSplitOptions.RemoveEmptyEntries);
        JsonNode[] items;
        string? next = null;
        switch (resource)
        {
            case "channels":
                items = YouTubeItems("channels_info.json").Where(i => wanted.Contains(i["id"]!.GetValue<string>())).Select(i => i.DeepClone()).ToArray();
                break;
            case "videos":
                items = YouTubeItems("videos_videos_info_multi.json").Where(i => wanted.Contains(i["id"]!.GetValue<string>())).Select(i => i.DeepClone()).ToArray();
                break;
            case "commentThreads":
                var all = Threads.Skip(Math.Max(0, Threads.Count - ThreadsPublished)).ToList();
                var offset = pageToken.Length == 0 ? 0 : int.Parse(pageToken[1..], System.Globalization.CultureInfo.InvariantCulture);
                var size = int.Parse(maxResults, System.Globalization.CultureInfo.InvariantCulture);
                items = all.Skip(offset).Take(size).Select(i => i.DeepClone()).ToArray();
                next = offset + size < all.Count ? $"p{offset + size}" : null;
                break;
            default:
                return null;
        }

        var result = new JsonObject { ["kind"] = $"youtube#{resource[..^1]}ListResponse", ["items"] = new JsonArray(items) };
        if (next is not null)
        {
            result["nextPageToken"] = next;
        }

        return result.ToJsonString();
    }

    [GeneratedRegex(@"^/r/askreddit/(new|comments)\.json$")]
    private static partial Regex RedditListing();

    [GeneratedRegex(@"^/api/v1/accounts/(\d+)/statuses$")]
    private static partial Regex AccountStatuses();
}
