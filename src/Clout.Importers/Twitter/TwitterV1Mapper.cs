using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;
using static Clout.Importers.Common.LenientJsonFields;

namespace Clout.Importers.Twitter;

/// <summary>
/// Maps API v1.1 statuses and users, and the archive's tweets (the same shape with numbers written as strings),
/// into records on the context. Problems throw <see cref="JsonFieldProblem"/> naming the field.
/// </summary>
internal sealed class TwitterV1Mapper(TwitterRecordContext context)
{
    private static readonly HashSet<string> MappedStatusFields =
    [
        "id", "id_str", "created_at", "full_text", "text", "user", "retweeted_status", "quoted_status",
        "in_reply_to_status_id", "in_reply_to_status_id_str", "in_reply_to_user_id", "in_reply_to_user_id_str",
    ];

    private static readonly HashSet<string> MappedUserFields =
    [
        "id", "id_str", "screen_name", "name", "created_at", "description", "url",
        "followers_count", "friends_count", "listed_count", "statuses_count", "status",
    ];

    /// <summary>
    /// Quotes and retweets whose author was known only by screen name when the tweet was read (an archive names
    /// quoted tweets by link and retweets by "RT @name"), with a placeholder target. Resolved at the end.
    /// </summary>
    public List<(ActionRecord Action, string ScreenName)> Unresolved { get; } = [];

    /// <summary>Maps a v1.1 user object and returns its id.</summary>
    public string User(JsonElement u)
    {
        var id = Str(u, "id_str") ?? RequiredStr(u, "id");
        var screenName = Str(u, "screen_name");
        context.Learn(screenName, id);
        var created = Str(u, "created_at") is { } c ? TwitterFields.Time(c, "user.created_at") : (DateTimeOffset?)null;
        context.Account(TwitterRecordContext.Bare(id, screenName, Str(u, "name")) with
        {
            Created = created,
            Bio = Str(u, "description"),
            Raw = RawExcept(u, MappedUserFields),
        });
        context.Tally.SetAudience(id, Count(u, "followers_count"), Count(u, "friends_count"), Count(u, "listed_count"), Count(u, "statuses_count"));
        return id;
    }

    /// <summary>Maps a status (and the statuses it embeds) and returns its id. <paramref name="owner"/> is the author when the status has no user.</summary>
    public string Status(JsonElement t, string? owner)
    {
        var id = Str(t, "id_str") ?? RequiredStr(t, "id");
        var time = TwitterFields.Time(RequiredStr(t, "created_at"), "created_at");
        var author = Obj(t, "user") is { } user ? User(user) : owner ?? throw new JsonFieldProblem("user", "is missing; expected the author of the status");
        var text = Str(t, "full_text") ?? Str(t, "text");
        context.TweetAuthors[id] = author;

        var mentions = new List<(string Id, string? Name)>();
        var entities = Obj(t, "entities");
        if (entities is { } ents && Arr(ents, "user_mentions") is { } list)
        {
            foreach (var m in list.EnumerateArray())
            {
                var mid = Str(m, "id_str") ?? Str(m, "id");
                var name = Str(m, "screen_name");
                if (mid is null || mid == "-1")
                {
                    continue;
                }

                context.Learn(name, mid);
                context.Account(TwitterRecordContext.Bare(mid, name, Str(m, "name")));
                mentions.Add((mid, name));
            }
        }

        var kind = PostKind.Post;
        string? parent = null;
        string? target = null;
        if (Obj(t, "retweeted_status") is { } original)
        {
            kind = PostKind.Reshare;
            parent = Status(original, null);
            target = context.TweetAuthors.GetValueOrDefault(parent);
        }
        else if (text is not null && text.StartsWith("RT @", StringComparison.Ordinal))
        {
            // Archives drop retweeted_status: the retweeted author is the "RT @name:" mention.
            kind = PostKind.Reshare;
            var name = ScreenNameAt(text, 4);
            target = mentions.Find(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)).Id ?? context.IdOf(name);
            if (target is null && name.Length > 0)
            {
                Unresolved.Add((new ActionRecord(Network.X, $"reshare:{id}", ActionKind.Reshare, author, "", time), name));
            }
        }
        else if ((Str(t, "in_reply_to_status_id_str") ?? Str(t, "in_reply_to_status_id")) is { } repliedTo)
        {
            kind = PostKind.Reply;
            parent = repliedTo;
            target = Str(t, "in_reply_to_user_id_str") ?? Str(t, "in_reply_to_user_id");
            context.Learn(Str(t, "in_reply_to_screen_name"), target);
            if (target is not null)
            {
                context.TweetAuthors[repliedTo] = target;
                context.Account(TwitterRecordContext.Bare(target, Str(t, "in_reply_to_screen_name"), null));
            }
        }

        string? quotedName = null;
        var quoted = kind == PostKind.Reshare ? null : Quoted(t, entities, out quotedName);
        if (quoted is not null && kind == PostKind.Post)
        {
            kind = PostKind.Quote;
            parent = quoted;
        }

        context.Post(new PostRecord(Network.X, id, author, time, kind)
        {
            Text = text,
            Url = TwitterFields.PostUrl(context.NamesById.GetValueOrDefault(author), id),
            Parent = parent,
            Raw = RawExcept(t, MappedStatusFields),
        });

        if (target is not null)
        {
            var action = kind switch
            {
                PostKind.Reply => new ActionRecord(Network.X, $"reply:{id}", ActionKind.Reply, author, target, time),
                PostKind.Reshare => new ActionRecord(Network.X, parent is null ? $"reshare:{id}" : $"reshare:{author}:{parent}", ActionKind.Reshare, author, target, time),
                _ => null,
            };
            if (action is not null)
            {
                context.Action(action with { Post = parent });
            }
        }

        if (quoted is not null)
        {
            var quotedAuthor = context.TweetAuthors.GetValueOrDefault(quoted) ?? context.IdOf(quotedName);
            if (quotedAuthor is not null)
            {
                context.TweetAuthors[quoted] = quotedAuthor;
                context.Action(new ActionRecord(Network.X, $"quote:{id}", ActionKind.Quote, author, quotedAuthor, time) { Post = quoted });
            }
            else if (quotedName is not null)
            {
                Unresolved.Add((new ActionRecord(Network.X, $"quote:{id}", ActionKind.Quote, author, "", time) { Post = quoted }, quotedName));
            }
        }

        if (kind != PostKind.Reshare)
        {
            foreach (var (mid, _) in mentions)
            {
                // A reply's leading @name is the reply itself, counted once as the reply action.
                if (mid != target || kind != PostKind.Reply)
                {
                    context.Action(new ActionRecord(Network.X, $"mention:{id}:{mid}", ActionKind.Mention, author, mid, time));
                }
            }

            context.Tally.SetPost(
                author,
                id,
                (ActionKind.Like, Count(t, "favorite_count")),
                (ActionKind.Reshare, Count(t, "retweet_count")),
                (ActionKind.Reply, Count(t, "reply_count")),
                (ActionKind.Quote, Count(t, "quote_count")));
        }

        return id;
    }

    /// <summary>Emits the actions whose target became known later in the read; the rest stay out.</summary>
    public void ResolveLater()
    {
        foreach (var (action, name) in Unresolved)
        {
            var target = (action.Post is null ? null : context.TweetAuthors.GetValueOrDefault(action.Post)) ?? context.IdOf(name);
            if (target is not null)
            {
                if (action.Post is not null)
                {
                    context.TweetAuthors[action.Post] = target;
                }

                context.Action(action with { Target = target });
            }
        }

        Unresolved.Clear();
    }

    private static string ScreenNameAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && end - start < 15 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return text[start..end];
    }

    private string? Quoted(JsonElement t, JsonElement? entities, out string? screenName)
    {
        screenName = null;
        if (Obj(t, "quoted_status") is { } q)
        {
            return Status(q, null);
        }

        if (Str(t, "quoted_status_id_str") is { } qid)
        {
            return qid;
        }

        if (entities is { } ents && Arr(ents, "urls") is { } urls)
        {
            foreach (var u in urls.EnumerateArray())
            {
                if (TwitterFields.TryStatusLink(Str(u, "expanded_url"), out var name, out var tweet))
                {
                    screenName = name;
                    return tweet;
                }
            }
        }

        return null;
    }
}
