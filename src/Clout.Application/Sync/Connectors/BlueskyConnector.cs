using System.Text.Json;
using System.Text.RegularExpressions;
using Clout.Importers.Bluesky;

namespace Clout.Application.Sync.Connectors;

/// <summary>
/// Bluesky over public XRPC: an account's records, collection by collection, through
/// <c>com.atproto.repo.listRecords</c> in ascending record-key order (<c>reverse=true</c>). Record keys are
/// time-ordered, so the cursor (the last stored key per collection) only moves forward. A handle is resolved to its
/// DID once (<c>com.atproto.identity.resolveHandle</c>) and the DID kept in the cursor.
/// </summary>
public sealed partial class BlueskyConnector : ISyncConnector
{
    private const int MaxLimit = 100;

    /// <summary>What is followed when FOLLOW names no collections.</summary>
    public static readonly IReadOnlyList<string> DefaultCollections =
        ["app.bsky.actor.profile", "app.bsky.feed.post", "app.bsky.feed.repost", "app.bsky.feed.like", "app.bsky.graph.follow"];

    public string Name => "bluesky";

    public string Description => "an account (a DID or handle), optionally /COLLECTION,COLLECTION…; endpoint: the account's PDS, such as https://bsky.social";

    public string DefaultEndpoint => "https://bsky.social";

    public bool Streams => false;

    public string NormalizeFollow(string follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        var parts = follow.Split('/', 2);
        var actor = parts[0].TrimStart('@');
        if (!Did().IsMatch(actor) && !Handle().IsMatch(actor))
        {
            throw new ArgumentException($"bluesky: '{parts[0]}' is neither a DID (did:plc:… or did:web:…) nor a handle (name.example.com)");
        }

        // Handles are case-insensitive; DIDs are not.
        actor = actor.StartsWith("did:", StringComparison.Ordinal) ? actor : actor.ToLowerInvariant();
        if (parts.Length == 1)
        {
            return actor;
        }

        var collections = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var c in collections)
        {
            if (!Nsid().IsMatch(c))
            {
                throw new ArgumentException($"bluesky: collection '{c}' is not an NSID; expected names such as app.bsky.feed.post");
            }
        }

        return collections.Length == 0
            ? throw new ArgumentException($"bluesky: '{follow}' lists no collection after '/'; expected such as app.bsky.feed.post")
            : $"{actor}/{string.Join(',', collections)}";
    }

    public async Task RunAsync(SyncRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var parts = run.Source.Follow.Split('/', 2);
        var collections = parts.Length == 2 ? parts[1].Split(',') : DefaultCollections.ToArray();
        var cursor = run.Cursor;
        var did = cursor["did"] ?? (parts[0].StartsWith("did:", StringComparison.Ordinal) ? parts[0] : null);
        if (did is null)
        {
            var resolved = await run.GetJsonAsync(Url(run, $"com.atproto.identity.resolveHandle?handle={Uri.EscapeDataString(parts[0])}"), cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(resolved.Body);
            did = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("did", out var d) && d.ValueKind == JsonValueKind.String && Did().IsMatch(d.GetString()!)
                ? d.GetString()!
                : throw new SyncException($"source {run.Source.Id}: GET {resolved.Uri} did not answer with a DID (field 'did')");
            cursor = cursor.With("did", did);
        }

        var limit = Math.Min(run.Options.PageSize, MaxLimit);
        var mapper = new BlueskyListRecords();
        var pages = 0;
        foreach (var collection in collections)
        {
            var after = cursor[collection];
            while (true)
            {
                if (++pages > run.Options.MaxPages)
                {
                    run.StoppedAtPageLimit(cursor);
                    return;
                }

                var query = $"com.atproto.repo.listRecords?repo={Uri.EscapeDataString(did)}&collection={collection}&limit={limit}&reverse=true"
                    + (after is null ? "" : $"&cursor={Uri.EscapeDataString(after)}");
                var response = await run.GetJsonAsync(Url(run, query), cancellationToken).ConfigureAwait(false);
                var (count, last) = Keys(response, run.Source.Id);
                run.Events += count;
                if (count == 0)
                {
                    break;
                }

                var (items, _) = mapper.Read(response.ToFetched());
                cursor = cursor.With(collection, last);
                await run.StoreAsync(items, cursor, cancellationToken).ConfigureAwait(false);
                after = last;
                if (count < limit)
                {
                    break;
                }
            }
        }

        if (cursor.ToJson() != run.Cursor.ToJson())
        {
            await run.StoreAsync([], cursor, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Uri Url(SyncRun run, string method) => new($"{run.Source.Endpoint}/xrpc/{method}");

    /// <summary>How many records a page holds and the record key of the last one (the next page starts after it).</summary>
    private static (int Count, string? Last) Keys(SyncResponse response, string source)
    {
        using var doc = JsonDocument.Parse(response.Body);
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            throw new SyncException($"source {source}: GET {response.Uri}: field 'records' is missing; expected a listRecords page");
        }

        string? last = null;
        var count = 0;
        foreach (var r in records.EnumerateArray())
        {
            count++;
            if (r.ValueKind == JsonValueKind.Object && r.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String)
            {
                var uri = u.GetString()!;
                var key = uri[(uri.LastIndexOf('/') + 1)..];
                if (last is null || string.CompareOrdinal(key, last) > 0)
                {
                    last = key;
                }
            }
        }

        if (count > 0 && last is null)
        {
            throw new SyncException($"source {source}: GET {response.Uri}: no record has a 'uri'; expected at://DID/COLLECTION/RKEY");
        }

        return (count, last);
    }

    [GeneratedRegex(@"^did:(plc|web):[A-Za-z0-9._:%-]{1,2000}$")]
    private static partial Regex Did();

    [GeneratedRegex(@"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex Handle();

    [GeneratedRegex(@"^[a-zA-Z]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)+$")]
    internal static partial Regex Nsid();
}
