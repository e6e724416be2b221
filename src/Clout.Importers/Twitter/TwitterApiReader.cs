using System.Text.Json;
using System.Text.RegularExpressions;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;
using static Clout.Importers.Common.LenientJsonFields;

namespace Clout.Importers.Twitter;

/// <summary>
/// One read of recorded Twitter API responses. A first pass learns who wrote which tweet from every response,
/// so that a liking_users or retweeted_by list can name the liked tweet's author when another response has it.
/// </summary>
internal sealed partial class TwitterApiReader
{
    private readonly ImportOptions options;
    private readonly CancellationToken cancellationToken;
    private readonly TwitterRecordContext context = new();
    private readonly TwitterV1Mapper v1;
    private readonly TwitterV2Mapper v2;

    public TwitterApiReader(ImportOptions options, CancellationToken cancellationToken)
    {
        this.options = options;
        this.cancellationToken = cancellationToken;
        v1 = new TwitterV1Mapper(context);
        v2 = new TwitterV2Mapper(context);
    }

    public IEnumerable<ImportItem> Read(string path)
    {
        var responses = RecordedHttpCassette.Read(path, cancellationToken).ToList();
        try
        {
            foreach (var r in responses)
            {
                if (r.Body is not null)
                {
                    LearnAuthors(r.Body.RootElement, r.Endpoint);
                }
            }

            DateTimeOffset? fetched = null;
            foreach (var r in responses)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (r.Error is not null)
                {
                    yield return ImportItem.Fail(r.Error);
                    continue;
                }

                if (r.Date is { } d && (fetched is null || d > fetched))
                {
                    fetched = d;
                }

                foreach (var item in Map(r))
                {
                    yield return item;
                }
            }

            v1.ResolveLater();
            foreach (var item in context.Drain())
            {
                yield return item;
            }

            var date = fetched is { } f ? DateOnly.FromDateTime(f.UtcDateTime) : options.SnapshotDate ?? DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var m in context.Tally.ToRecords(Network.X, date))
            {
                yield return ImportItem.Ok(m);
            }
        }
        finally
        {
            foreach (var r in responses)
            {
                r.Body?.Dispose();
            }
        }
    }

    private List<ImportItem> Map(RecordedResponse r)
    {
        var items = new List<ImportItem>();
        var root = r.Body!.RootElement;
        var endpoint = r.Endpoint ?? "";
        var time = r.Date ?? (options.SnapshotDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.UtcNow.Date);
        var aboutTweet = TweetEndpoint().Match(endpoint);
        var aboutUser = UserEndpoint().Match(endpoint);

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data))
        {
            if (Obj(root, "includes") is { } includes)
            {
                Each(items, r, includes, "users", "includes.users", u => v2.User(u));
                Each(items, r, includes, "tweets", "includes.tweets", t => v2.Tweet(t, null, null));
            }

            var elements = data.ValueKind == JsonValueKind.Array ? data.EnumerateArray().ToList() : [data];
            for (var i = 0; i < elements.Count; i++)
            {
                var e = elements[i];
                var at = data.ValueKind == JsonValueKind.Array ? $"data[{i}]" : "data";
                Guard(items, r, at, () =>
                {
                    if (e.ValueKind != JsonValueKind.Object)
                    {
                        throw new JsonFieldProblem("", $"expected an object, found {Describe(e.ValueKind)}");
                    }

                    if (e.TryGetProperty("username", out _))
                    {
                        var user = v2.User(e);
                        UserListAction(aboutTweet, aboutUser, user, time);
                    }
                    else
                    {
                        var author = aboutUser.Success && aboutUser.Groups[2].Value == "tweets" ? aboutUser.Groups[1].Value : null;
                        var quoted = aboutTweet.Success && aboutTweet.Groups[2].Value == "quote_tweets" ? aboutTweet.Groups[1].Value : null;
                        v2.Tweet(e, author, quoted);
                    }
                });
            }
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var e in root.EnumerateArray())
            {
                var at = $"[{i++}]";
                Guard(items, r, at, () => V1(e));
            }
        }
        else if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("users", out _) || root.TryGetProperty("statuses", out _)))
        {
            Each(items, r, root, "users", "users", u => v1.User(u));
            Each(items, r, root, "statuses", "statuses", s => v1.Status(s, null));
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id_str", out _))
        {
            Guard(items, r, "", () => V1(root));
        }
        else if (!(root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out _)))
        {
            items.Add(ImportItem.Fail(new ImportError(r.Source, r.Line, null, "not a Twitter API response; expected a v2 object with 'data', or v1.1 statuses or users")));
        }

        items.AddRange(context.Drain());
        return items;
    }

    private void V1(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new JsonFieldProblem("", $"expected an object, found {Describe(e.ValueKind)}");
        }

        if (e.TryGetProperty("screen_name", out _))
        {
            v1.User(e);
        }
        else
        {
            v1.Status(e, null);
        }
    }

    /// <summary>What a list of users means comes from the request path: who liked, retweeted, follows or is followed.</summary>
    private void UserListAction(Match aboutTweet, Match aboutUser, string user, DateTimeOffset time)
    {
        if (aboutTweet.Success)
        {
            var tweet = aboutTweet.Groups[1].Value;
            var author = context.TweetAuthors.GetValueOrDefault(tweet);
            if (author is null)
            {
                return;
            }

            switch (aboutTweet.Groups[2].Value)
            {
                case "liking_users":
                    context.Action(new ActionRecord(Network.X, $"like:{user}:{tweet}", ActionKind.Like, user, author, time) { Post = tweet });
                    break;
                case "retweeted_by":
                    context.Action(new ActionRecord(Network.X, $"reshare:{user}:{tweet}", ActionKind.Reshare, user, author, time) { Post = tweet });
                    break;
            }
        }
        else if (aboutUser.Success)
        {
            var account = aboutUser.Groups[1].Value;
            switch (aboutUser.Groups[2].Value)
            {
                case "followers":
                    context.Action(new ActionRecord(Network.X, $"follow:{user}:{account}", ActionKind.Follow, user, account, time));
                    break;
                case "following":
                    context.Action(new ActionRecord(Network.X, $"follow:{account}:{user}", ActionKind.Follow, account, user, time));
                    break;
            }
        }
    }

    private void Each(List<ImportItem> items, RecordedResponse r, JsonElement parent, string name, string path, Action<JsonElement> map)
    {
        JsonElement? array = null;
        Guard(items, r, path, () => array = Arr(parent, name));
        if (array is not { } a)
        {
            return;
        }

        var i = 0;
        foreach (var e in a.EnumerateArray())
        {
            Guard(items, r, $"{path}[{i++}]", () => map(e));
        }
    }

    private void Guard(List<ImportItem> items, RecordedResponse r, string at, Action map)
    {
        try
        {
            map();
        }
        catch (JsonFieldProblem p)
        {
            context.Pending.Clear();
            var field = p.Field.Length == 0 ? at : at.Length == 0 ? p.Field : $"{at}.{p.Field}";
            items.Add(ImportItem.Fail(new ImportError(r.Source, r.Line, field, p.Message)));
        }
        catch (InvalidOperationException e)
        {
            context.Pending.Clear();
            items.Add(ImportItem.Fail(new ImportError(r.Source, r.Line, at, $"unexpected JSON shape: {e.Message}")));
        }
    }

    /// <summary>Who wrote which tweet, from every tweet in a response, before any response is mapped.</summary>
    private void LearnAuthors(JsonElement root, string? endpoint)
    {
        var timeline = endpoint is null ? Match.Empty : UserEndpoint().Match(endpoint);
        var owner = timeline.Success && timeline.Groups[2].Value == "tweets" ? timeline.Groups[1].Value : null;
        foreach (var t in Walk(root))
        {
            var id = t.TryGetProperty("id_str", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()
                : t.TryGetProperty("id", out var n) ? n.ToString() : null;
            string? author = null;
            if (t.TryGetProperty("author_id", out var a) && a.ValueKind == JsonValueKind.String)
            {
                author = a.GetString();
            }
            else if (t.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object && u.TryGetProperty("id_str", out var uid))
            {
                author = uid.GetString();
            }
            else if (owner is not null && t.TryGetProperty("text", out _))
            {
                author = owner;
            }

            if (id is not null && author is not null)
            {
                context.TweetAuthors[id] = author;
            }
        }
    }

    private static IEnumerable<JsonElement> Walk(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
            {
                foreach (var y in Walk(x))
                {
                    yield return y;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            yield return e;
            foreach (var name in (string[])["data", "includes", "tweets", "statuses", "retweeted_status", "quoted_status"])
            {
                if (e.TryGetProperty(name, out var child))
                {
                    foreach (var y in Walk(child))
                    {
                        yield return y;
                    }
                }
            }
        }
    }

    // 2_tweets_<id>_liking_users | retweeted_by | quote_tweets
    [GeneratedRegex(@"^2_tweets_(\d+)_(liking_users|retweeted_by|quote_tweets)$", RegexOptions.CultureInvariant)]
    private static partial Regex TweetEndpoint();

    // 2_users_<id>_followers | following | tweets | mentions
    [GeneratedRegex(@"^2_users_(\d+)_(followers|following|tweets|mentions)$", RegexOptions.CultureInvariant)]
    private static partial Regex UserEndpoint();
}
