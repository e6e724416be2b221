using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.YouTube;

/// <summary>Maps the resources of one YouTube response body (a list response or a single resource).</summary>
internal sealed class YouTubeResources(string source, ReadOnlyMemory<byte> json, DateOnly date, YouTubeIndex index, MetricsTally tally, HashSet<string> seen, string? owner)
{
    private readonly List<ImportItem> items = [];
    private string? person = owner;

    public List<ImportItem> Read(JsonElement root)
    {
        if (WebJson.Object(root, "error") is { } apiError)
        {
            items.Add(Fail("$.error", $"the response is an API error ({WebJson.Count(apiError, "code", "$.error")}: {WebJson.String(apiError, "message")}); expected a YouTube resource or list response"));
            return items;
        }

        if (root.ValueKind != JsonValueKind.Object || WebJson.String(root, "kind") is not { } kind || !kind.StartsWith("youtube#", StringComparison.Ordinal))
        {
            items.Add(Fail("$.kind", "expected a YouTube Data API response with a \"kind\" such as youtube#videoListResponse"));
            return items;
        }

        if (kind.EndsWith("ListResponse", StringComparison.Ordinal))
        {
            if (WebJson.Array(root, "items") is not { } list)
            {
                items.Add(Fail("$.items", "is missing; expected the list response's array of resources"));
                return items;
            }

            // A person owns one channel: with several channels in one response nobody can tell which is theirs.
            if (list.GetArrayLength() != 1)
            {
                person = null;
            }

            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                Resource(item, $"$.items[{i++}]");
            }
        }
        else
        {
            Resource(root, "$");
        }

        return items;
    }

    /// <summary>The channel id of a comment's author, or null for comments whose author has no channel.</summary>
    public static string? Author(JsonElement comment) =>
        WebJson.Object(comment, "snippet") is { } s && WebJson.Object(s, "authorChannelId") is { } a && WebJson.String(a, "value") is { Length: > 0 } id ? id : null;

    private void Resource(JsonElement item, string path)
    {
        try
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new WebFieldException(path, $"expected a YouTube resource object, found {WebJson.Describe(item.ValueKind)}");
            }

            switch (WebJson.String(item, "kind"))
            {
                case "youtube#channel":
                    Channel(item, path);
                    break;
                case "youtube#video":
                    Video(item, path);
                    break;
                case "youtube#commentThread":
                    Thread(item, path);
                    break;
                case "youtube#comment":
                    Comment(item, path, videoId: null, threadOwner: null);
                    break;
                case "youtube#subscription":
                    Subscription(item, path);
                    break;
                case null:
                    throw new WebFieldException($"{path}.kind", "is missing; expected a resource kind such as youtube#video");
                default:
                    // Search results, activities and playlist items repeat videos without their counters.
                    break;
            }
        }
        catch (WebFieldException e)
        {
            items.Add(Fail(e.Field, e.Message));
        }
    }

    private void Channel(JsonElement item, string path)
    {
        var id = WebJson.RequiredString(item, "id", path);
        var snippet = Snippet(item, path);
        var statistics = WebJson.Object(item, "statistics");
        var custom = WebJson.String(snippet, "customUrl");
        seen.Add(id);
        items.Add(ImportItem.Ok(new AccountRecord(Network.YouTube, id)
        {
            Handle = custom?.TrimStart('@'),
            Name = WebJson.String(snippet, "title"),
            Bio = NullIfEmpty(WebJson.String(snippet, "description")),
            Created = WebJson.IsoTime(snippet, "publishedAt", $"{path}.snippet"),
            Url = custom is not null ? $"https://www.youtube.com/{(custom.StartsWith('@') ? custom : "@" + custom)}" : $"https://www.youtube.com/channel/{id}",
            Person = person,
            Raw = WebJson.Pick(
                ("viewCount", WebJson.Value(statistics, "viewCount")),
                ("hiddenSubscriberCount", WebJson.Value(statistics, "hiddenSubscriberCount")),
                ("country", WebJson.Value(snippet, "country")),
                ("uploads", WebJson.Value(WebJson.Value(WebJson.Object(item, "contentDetails"), "relatedPlaylists"), "uploads"))),
        }));

        if (statistics is { } stats)
        {
            var hidden = WebJson.Value(stats, "hiddenSubscriberCount") is { ValueKind: JsonValueKind.True };
            var followers = hidden ? null : WebJson.Count(stats, "subscriberCount", $"{path}.statistics");
            tally.Audience(id, date, followers: followers, posts: WebJson.Count(stats, "videoCount", $"{path}.statistics"));
        }
    }

    private void Video(JsonElement item, string path)
    {
        var id = WebJson.RequiredString(item, "id", path);
        var snippet = Snippet(item, path);
        var channel = WebJson.RequiredString(snippet, "channelId", $"{path}.snippet");
        var time = WebJson.IsoTime(snippet, "publishedAt", $"{path}.snippet") ?? throw new WebFieldException($"{path}.snippet.publishedAt", "is missing; expected an RFC 3339 time");
        var statistics = WebJson.Object(item, "statistics");
        long? likes = null, comments = null;
        if (statistics is { } stats)
        {
            likes = WebJson.Count(stats, "likeCount", $"{path}.statistics");
            comments = WebJson.Count(stats, "commentCount", $"{path}.statistics");
        }

        Minimal(channel, WebJson.String(snippet, "channelTitle"), null);
        var title = WebJson.String(snippet, "title");
        var description = WebJson.String(snippet, "description");
        items.Add(ImportItem.Ok(new PostRecord(Network.YouTube, id, channel, time, PostKind.Post)
        {
            Text = string.IsNullOrEmpty(description) ? title : $"{title}\n\n{description}",
            Url = $"https://www.youtube.com/watch?v={id}",
            Raw = WebJson.Pick(
                ("viewCount", WebJson.Value(statistics, "viewCount")),
                ("favoriteCount", WebJson.Value(statistics, "favoriteCount")),
                ("tags", WebJson.Value(snippet, "tags")),
                ("categoryId", WebJson.Value(snippet, "categoryId")),
                ("duration", WebJson.Value(WebJson.Object(item, "contentDetails"), "duration")),
                ("liveBroadcastContent", WebJson.Value(snippet, "liveBroadcastContent")),
                ("defaultLanguage", WebJson.Value(snippet, "defaultLanguage"))),
        }));
        tally.Post(channel, date, id, (ActionKind.Like, likes), (ActionKind.Comment, comments));
    }

    private void Thread(JsonElement item, string path)
    {
        var snippet = Snippet(item, path);
        var video = WebJson.String(snippet, "videoId");
        var owner = WebJson.String(snippet, "channelId") is { Length: > 0 } c ? c : null;
        var top = WebJson.Object(snippet, "topLevelComment") ?? throw new WebFieldException($"{path}.snippet.topLevelComment", "is missing; expected the thread's first comment");
        Comment(top, $"{path}.snippet.topLevelComment", video, owner);

        if (WebJson.Object(item, "replies") is { } replies && WebJson.Array(replies, "comments") is { } comments)
        {
            var i = 0;
            foreach (var reply in comments.EnumerateArray())
            {
                var replyPath = $"{path}.replies.comments[{i++}]";
                try
                {
                    Comment(reply, replyPath, video, owner);
                }
                catch (WebFieldException e)
                {
                    items.Add(Fail(e.Field, e.Message));
                }
            }
        }
    }

    /// <summary>
    /// A top-level comment answers the video (a comment action on its channel); a reply answers the comment named
    /// by parentId (a reply action on that comment's author).
    /// </summary>
    private void Comment(JsonElement comment, string path, string? videoId, string? threadOwner)
    {
        var id = WebJson.RequiredString(comment, "id", path);
        var snippet = Snippet(comment, path);
        var author = Author(comment);
        if (author is null)
        {
            // Comments of removed channels carry no author id: nobody to credit or to score.
            return;
        }

        var time = WebJson.IsoTime(snippet, "publishedAt", $"{path}.snippet") ?? throw new WebFieldException($"{path}.snippet.publishedAt", "is missing; expected an RFC 3339 time");
        var likes = WebJson.Count(snippet, "likeCount", $"{path}.snippet");
        var video = WebJson.String(snippet, "videoId") ?? videoId;
        var parentComment = WebJson.String(snippet, "parentId");
        var parent = parentComment ?? video ?? throw new WebFieldException($"{path}.snippet.videoId", "is missing; expected the video a top-level comment belongs to");
        var target = parentComment is not null
            ? index.CommentAuthor(parentComment)
            : threadOwner ?? (WebJson.String(snippet, "channelId") is { Length: > 0 } c ? c : null) ?? index.VideoChannel(parent);

        var display = WebJson.String(snippet, "authorDisplayName");
        Minimal(author, display, WebJson.String(snippet, "authorChannelUrl"));
        var original = WebJson.String(snippet, "textOriginal");
        items.Add(ImportItem.Ok(new PostRecord(Network.YouTube, id, author, time, PostKind.Reply)
        {
            Text = original ?? HtmlText.Strip(WebJson.String(snippet, "textDisplay")),
            Url = video is null ? null : $"https://www.youtube.com/watch?v={video}&lc={id}",
            Parent = parent,
            Raw = WebJson.Pick(
                ("videoId", WebJson.Value(snippet, "videoId")),
                ("updatedAt", WebJson.Value(snippet, "updatedAt")),
                ("likeCount", WebJson.Value(snippet, "likeCount"))),
        }));
        tally.Post(author, date, id, (ActionKind.Like, likes));

        if (target is not null && target != author)
        {
            Minimal(target, null, null);
            var kind = parentComment is null ? ActionKind.Comment : ActionKind.Reply;
            items.Add(ImportItem.Ok(new ActionRecord(Network.YouTube, id, kind, author, target, time) { Post = parent }));
        }
    }

    private void Subscription(JsonElement item, string path)
    {
        var id = WebJson.RequiredString(item, "id", path);
        var snippet = Snippet(item, path);
        var subscriber = WebJson.RequiredString(snippet, "channelId", $"{path}.snippet");
        var resource = WebJson.Object(snippet, "resourceId") ?? throw new WebFieldException($"{path}.snippet.resourceId", "is missing; expected the subscribed channel");
        var target = WebJson.RequiredString(resource, "channelId", $"{path}.snippet.resourceId");
        var time = WebJson.IsoTime(snippet, "publishedAt", $"{path}.snippet") ?? throw new WebFieldException($"{path}.snippet.publishedAt", "is missing; expected an RFC 3339 time");

        var subscriberSnippet = WebJson.Object(item, "subscriberSnippet");
        Minimal(subscriber, subscriberSnippet is { } ss ? WebJson.String(ss, "title") : null, null, subscriberSnippet is { } sd ? WebJson.String(sd, "description") : null);
        Minimal(target, WebJson.String(snippet, "title"), null, WebJson.String(snippet, "description"));
        items.Add(ImportItem.Ok(new ActionRecord(Network.YouTube, id, ActionKind.Follow, subscriber, target, time)));
    }

    /// <summary>An account known only by its id and display name, once per import and never over a full channel.</summary>
    private void Minimal(string channel, string? name, string? url, string? bio = null)
    {
        if (index.FullChannels.Contains(channel) || !seen.Add(channel))
        {
            return;
        }

        var handle = name is not null && name.StartsWith('@') ? name[1..] : null;
        items.Add(ImportItem.Ok(new AccountRecord(Network.YouTube, channel)
        {
            Handle = handle,
            Name = handle is null ? name : null,
            Bio = NullIfEmpty(bio),
            Url = url ?? $"https://www.youtube.com/channel/{channel}",
        }));
    }

    private static JsonElement Snippet(JsonElement item, string path) =>
        WebJson.Object(item, "snippet") ?? throw new WebFieldException($"{path}.snippet", "is missing; expected the resource's snippet object");

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private ImportItem Fail(string field, string message) => ImportItem.Fail(new ImportError(source, JsonPathLines.LineOf(json.Span, field), field, message));
}
