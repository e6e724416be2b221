using System.Text.Json;
using System.Text.RegularExpressions;
using Clout.Importers;
using Clout.Importers.Reddit;

namespace Clout.Application.Sync.Connectors;

/// <summary>
/// Reddit listings of a subreddit (<c>r/NAME</c>: new submissions and new comments) or of a user (<c>u/NAME</c>:
/// submitted and comments). Listings are newest first; <c>before=FULLNAME</c> returns the items just newer than
/// that one, so each stored page moves the cursor (per listing) to the newest fullname it held, and a run walks
/// forward until nothing is newer. The first run stores the newest page of each listing.
/// </summary>
public sealed partial class RedditConnector : ISyncConnector
{
    /// <summary>The environment variable with an OAuth bearer token (use the endpoint https://oauth.reddit.com with it).</summary>
    public const string TokenVariable = "CLOUT_REDDIT_TOKEN";

    public string Name => "reddit";

    public string Description => "r/SUBREDDIT or u/USER; endpoint: https://www.reddit.com, or https://oauth.reddit.com with a token in CLOUT_REDDIT_TOKEN";

    public string DefaultEndpoint => "https://www.reddit.com";

    public bool Streams => false;

    public string NormalizeFollow(string follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        var m = Follow().Match(follow.Trim('/'));
        return m.Success
            ? $"{(m.Groups[1].Value is "r" or "R" ? "r" : "u")}/{m.Groups[2].Value.ToLowerInvariant()}"
            : throw new ArgumentException($"reddit: '{follow}' is neither r/SUBREDDIT nor u/USER; expected such as r/askreddit or u/spez");
    }

    public async Task RunAsync(SyncRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var token = run.Secret(TokenVariable);
        var headers = SyncHttp.Bearer(token);
        var (kind, name) = (run.Source.Follow[0], run.Source.Follow[2..]);
        (string Key, string Path)[] listings = kind == 'r'
            ? [("new", $"/r/{name}/new.json"), ("comments", $"/r/{name}/comments.json")]
            : [("submitted", $"/user/{name}/submitted.json"), ("comments", $"/user/{name}/comments.json")];
        var limit = Math.Min(run.Options.PageSize, 100);
        var pages = 0;
        foreach (var (key, path) in listings)
        {
            var before = run.Cursor[key];
            while (true)
            {
                if (++pages > run.Options.MaxPages)
                {
                    run.StoppedAtPageLimit(run.Cursor);
                    return;
                }

                var uri = new Uri($"{run.Source.Endpoint}{path}?limit={limit}&raw_json=1" + (before is null ? "" : $"&before={before}"));
                var response = await run.GetJsonAsync(uri, cancellationToken, headers).ConfigureAwait(false);
                var (count, newest) = Children(response, run.Source.Id);
                run.Events += count;
                if (count == 0)
                {
                    break;
                }

                var items = RedditImporter.ReadFetched([response.ToFetched()], run.ImportOptions, run.Today, cancellationToken);
                await run.StoreAsync(items, run.Cursor.With(key, newest), cancellationToken).ConfigureAwait(false);

                // Without a cursor this was the newest page: there is nothing newer to walk to yet.
                if (before is null || count < limit)
                {
                    break;
                }

                before = newest;
            }
        }
    }

    /// <summary>How many things a listing page holds and the fullname of the first (the newest).</summary>
    private static (int Count, string? Newest) Children(SyncResponse response, string source)
    {
        using var doc = JsonDocument.Parse(response.Body);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("children", out var children) || children.ValueKind != JsonValueKind.Array)
        {
            throw new SyncException($"source {source}: GET {response.Uri}: field 'data.children' is missing; expected a Reddit Listing");
        }

        var count = children.GetArrayLength();
        if (count == 0)
        {
            return (0, null);
        }

        var first = children[0];
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
            && d.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
            ? (count, n.GetString())
            : throw new SyncException($"source {source}: GET {response.Uri}: field 'data.children[0].data.name' is missing; expected the thing's fullname");
    }

    [GeneratedRegex(@"^(r|R|u|U|user)/([A-Za-z0-9_-]{2,32})$")]
    private static partial Regex Follow();
}
