using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Reddit;

/// <summary>
/// Maps the things of one Reddit response body. Parents' authors are looked up in the whole body first, so that a
/// comment listed before the post it answers still becomes a comment action on that post's author.
/// </summary>
internal sealed class RedditThings(string source, ReadOnlyMemory<byte> json, DateOnly date, MetricsTally tally, HashSet<string> accountsSeen, string? owner)
{
    internal const string Deleted = "[deleted]";

    private static readonly HashSet<string> PostModelled =
        ["author", "author_fullname", "name", "id", "title", "selftext", "selftext_html", "body", "body_html", "created", "created_utc", "permalink", "replies", "parent_id"];

    private static readonly HashSet<string> AccountModelled =
        ["name", "id", "created", "created_utc", "icon_img", "subreddit", "features", "profile_img"];

    private readonly Dictionary<string, string> authors = new(StringComparer.Ordinal);
    private readonly List<ImportItem> items = [];
    private string? person;

    public List<ImportItem> Read(JsonElement root)
    {
        var things = new List<(string Kind, JsonElement Data, string Path)>();
        Collect(root, "$", things, top: true);
        var accountsInBody = 0;
        foreach (var (kind, _, _) in things)
        {
            accountsInBody += kind is "t2" or "t2-ids" ? 1 : 0;
        }

        // A person owns one account: only a response about a single account can be linked to them.
        person = accountsInBody == 1 ? owner : null;
        foreach (var (kind, data, _) in things)
        {
            if (kind is "t1" or "t3" && WebJson.String(data, "name") is { } name && WebJson.String(data, "author") is { } author)
            {
                authors[name] = author;
            }

            // A comment listing names the author of the submission each comment belongs to.
            if (kind == "t1" && WebJson.String(data, "link_id") is { } link && WebJson.String(data, "link_author") is { } linkAuthor)
            {
                authors.TryAdd(link, linkAuthor);
            }
        }

        foreach (var (kind, data, path) in things)
        {
            try
            {
                switch (kind)
                {
                    case "t3":
                        Submission(data, path);
                        break;
                    case "t1":
                        Comment(data, path);
                        break;
                    case "t2":
                        Account(data, path, WebJson.String(data, "id") is { } id ? "t2_" + id : null);
                        break;
                    case "t2-ids":
                        Account(data, path, path[(path.LastIndexOf('.') + 1)..]);
                        break;
                }
            }
            catch (WebFieldException e)
            {
                items.Add(Fail(e.Field, e.Message));
            }
        }

        return items;
    }

    /// <summary>Flattens listings and reply trees into things in document order; t5, t6, more and the like are not kept.</summary>
    private void Collect(JsonElement e, string path, List<(string, JsonElement, string)> things, bool top)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var child in e.EnumerateArray())
            {
                Collect(child, $"{path}[{i++}]", things, top);
            }

            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            items.Add(Fail(path, $"expected a Reddit thing (an object with \"kind\" and \"data\"), found {WebJson.Describe(e.ValueKind)}"));
            return;
        }

        if (!e.TryGetProperty("kind", out var kindElement))
        {
            if (top && IsAccountIdMap(e))
            {
                foreach (var p in e.EnumerateObject())
                {
                    things.Add(("t2-ids", p.Value, $"{path}.{p.Name}"));
                }

                return;
            }

            items.Add(Fail($"{path}.kind", "is missing; expected a Reddit thing kind such as Listing, t1, t2 or t3"));
            return;
        }

        var kind = kindElement.ValueKind == JsonValueKind.String ? kindElement.GetString()! : string.Empty;
        if (!e.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            items.Add(Fail($"{path}.data", $"expected an object with the {(kind.Length == 0 ? "thing" : kind)}'s fields"));
            return;
        }

        switch (kind)
        {
            case "Listing":
                if (WebJson.Array(data, "children") is { } children)
                {
                    Collect(children, $"{path}.data.children", things, top: false);
                }
                else
                {
                    items.Add(Fail($"{path}.data.children", "is missing; expected the listing's array of things"));
                }

                break;
            case "t1" or "t3" or "t2":
                things.Add((kind, data, $"{path}.data"));

                // Replies are a Listing, or "" when there are none.
                if (kind == "t1" && data.TryGetProperty("replies", out var replies) && replies.ValueKind == JsonValueKind.Object)
                {
                    Collect(replies, $"{path}.data.replies", things, top: false);
                }

                break;
            default:
                if (kind.Length == 0)
                {
                    items.Add(Fail($"{path}.kind", "expected a string such as Listing, t1, t2 or t3"));
                }

                break;
        }
    }

    private static bool IsAccountIdMap(JsonElement e)
    {
        var any = false;
        foreach (var p in e.EnumerateObject())
        {
            if (!p.Name.StartsWith("t2_", StringComparison.Ordinal) || p.Value.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private void Submission(JsonElement data, string path)
    {
        var name = FullName(data, path, "t3_");
        var author = WebJson.String(data, "author");
        if (author is null or Deleted)
        {
            // A deleted account cannot be scored or credited; its post stays only as a parent id of the replies.
            return;
        }

        var time = WebJson.UnixTime(data, "created_utc", path) ?? throw new WebFieldException($"{path}.created_utc", "is missing; expected seconds since 1970");
        var account = AccountFor(author, WebJson.String(data, "author_fullname"));
        var title = WebJson.String(data, "title");
        var self = WebJson.String(data, "selftext");
        var score = WebJson.Count(data, "score", path);
        var comments = WebJson.Count(data, "num_comments", path);
        items.Add(ImportItem.Ok(new PostRecord(Network.Reddit, name, account, time, PostKind.Post)
        {
            Text = string.IsNullOrEmpty(self) ? title : $"{title}\n\n{self}",
            Url = Permalink(data),
            Raw = WebJson.Compact(data, PostModelled),
        }));
        tally.Post(account, date, name, (ActionKind.Like, score), (ActionKind.Comment, comments));
    }

    private void Comment(JsonElement data, string path)
    {
        var name = FullName(data, path, "t1_");
        var author = WebJson.String(data, "author");
        if (author is null or Deleted)
        {
            return;
        }

        var time = WebJson.UnixTime(data, "created_utc", path) ?? throw new WebFieldException($"{path}.created_utc", "is missing; expected seconds since 1970");
        var parent = WebJson.RequiredString(data, "parent_id", path);
        var score = WebJson.Count(data, "score", path);
        var account = AccountFor(author, WebJson.String(data, "author_fullname"));
        items.Add(ImportItem.Ok(new PostRecord(Network.Reddit, name, account, time, PostKind.Reply)
        {
            Text = WebJson.String(data, "body"),
            Url = Permalink(data) ?? CommentUrl(data),
            Parent = parent,
            Raw = WebJson.Compact(data, PostModelled),
        }));
        tally.Post(account, date, name, (ActionKind.Like, score));

        if (authors.TryGetValue(parent, out var parentAuthor) && parentAuthor != Deleted)
        {
            var target = parentAuthor.ToLowerInvariant();
            if (target != account)
            {
                // The parent's author may appear only as a name (link_author): make sure the account exists.
                AccountFor(parentAuthor, null);
                items.Add(ImportItem.Ok(new ActionRecord(Network.Reddit, name, ActionKind.Comment, account, target, time) { Post = parent }));
            }
        }
    }

    private void Account(JsonElement data, string path, string? fullName)
    {
        var name = WebJson.RequiredString(data, "name", path);
        var id = name.ToLowerInvariant();
        var profile = WebJson.Object(data, "subreddit");
        var title = profile is { } p ? WebJson.String(p, "title") : null;
        var bio = profile is { } q ? WebJson.String(q, "public_description") : null;
        accountsSeen.Add(id);
        items.Add(ImportItem.Ok(new AccountRecord(Network.Reddit, id)
        {
            Handle = name,
            Name = string.IsNullOrEmpty(title) ? null : title,
            Bio = string.IsNullOrEmpty(bio) ? null : bio,
            Created = WebJson.UnixTime(data, "created_utc", path),
            Url = $"https://www.reddit.com/user/{name}",
            Person = person,
            Raw = WebJson.Compact(data, AccountModelled, ("fullname", fullName)),
        }));

        var karma = (WebJson.Count(data, "link_karma", path) ?? 0) + (WebJson.Count(data, "comment_karma", path) ?? 0);
        tally.ReceivedAtLeast(id, date, ActionKind.Like, Math.Max(0, karma));
    }

    private string AccountFor(string author, string? fullName)
    {
        var id = author.ToLowerInvariant();
        if (accountsSeen.Add(id))
        {
            items.Add(ImportItem.Ok(new AccountRecord(Network.Reddit, id)
            {
                Handle = author,
                Url = $"https://www.reddit.com/user/{author}",
                Raw = fullName is null ? null : $"{{\"fullname\":{JsonSerializer.Serialize(fullName)}}}",
            }));
        }

        return id;
    }

    private static string FullName(JsonElement data, string path, string prefix) =>
        WebJson.String(data, "name") ?? prefix + WebJson.RequiredString(data, "id", path);

    private static string? Permalink(JsonElement data) =>
        WebJson.String(data, "permalink") is { Length: > 0 } link
            ? link.StartsWith('/') ? "https://www.reddit.com" + link : link
            : null;

    private static string? CommentUrl(JsonElement data) =>
        WebJson.String(data, "link_id") is { } link && link.StartsWith("t3_", StringComparison.Ordinal) && WebJson.String(data, "id") is { } id
            ? $"https://www.reddit.com/comments/{link[3..]}/_/{id}/"
            : null;

    private ImportItem Fail(string field, string message) => ImportItem.Fail(new ImportError(source, JsonPathLines.LineOf(json.Span, field), field, message));
}
