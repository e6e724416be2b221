using Clout.Core.Records;
using Clout.Importers;
using Clout.Importers.Feeds;

namespace Clout.Application.Sync.Connectors;

/// <summary>
/// RSS, Atom and JSON Feed by URL. A conditional GET (the stored ETag and Last-Modified) lets an unchanged feed answer
/// 304 with no body; the ids of items already stored are kept in the cursor, so a changed feed stores only its new
/// items. The cursor advances in the same step as the items are stored.
/// </summary>
public sealed class FeedConnector : ISyncConnector
{
    /// <summary>How many item ids the cursor remembers (feeds list their latest items, far fewer than this).</summary>
    private const int SeenLimit = 2000;

    public string Name => "feed";

    public string Description => "the feed's URL (RSS 2.0, RSS 1.0, Atom or JSON Feed); endpoint: the same URL";

    public string DefaultEndpoint => "";

    public bool Streams => false;

    public string NormalizeFollow(string follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        return Uri.TryCreate(follow, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.ToString()
            : throw new ArgumentException($"feed: '{follow}' is not an http(s) URL; expected the feed's address, such as https://blog.example/feed.xml");
    }

    public async Task RunAsync(SyncRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var cursor = run.Cursor;
        var headers = new Dictionary<string, string>();
        if (cursor["etag"] is { } etag)
        {
            headers["If-None-Match"] = etag;
        }

        if (cursor["last_modified"] is { } modified)
        {
            headers["If-Modified-Since"] = modified;
        }

        var response = await run.Http.GetAsync(run.Source.Id, new Uri(run.Source.Follow), headers, json: false, cancellationToken).ConfigureAwait(false);
        if (response.NotModified)
        {
            run.Progress("not modified since the last run");
            return;
        }

        var seen = new HashSet<string>((cursor["seen"] ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        var items = FeedImporter.ReadFetched(response.ToFetched(), run.ImportOptions, run.Today, cancellationToken).ToList();
        var fresh = new List<ImportItem>();
        var ids = new List<string>();
        foreach (var item in items)
        {
            if (item.Record is PostRecord post)
            {
                ids.Add(post.Id);
                run.Events++;
                if (seen.Contains(post.Id))
                {
                    continue;
                }
            }

            fresh.Add(item);
        }

        // The feed's own ids first (newest as the feed orders them), then older remembered ones, up to the limit.
        var remembered = ids.Concat(seen.Where(s => !ids.Contains(s))).Take(SeenLimit);
        var next = cursor
            .With("etag", response.Header("ETag"))
            .With("last_modified", response.Header("Last-Modified"))
            .With("seen", string.Join('\n', remembered));
        await run.StoreAsync(fresh, next, cancellationToken).ConfigureAwait(false);
    }
}
