using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;
using static Clout.Importers.Common.LenientJsonFields;

namespace Clout.Importers.Twitter;

/// <summary>Maps API v2 tweet and user objects into records on the context (docs/formats/twitter-api.md).</summary>
internal sealed class TwitterV2Mapper(TwitterRecordContext context)
{
    private static readonly HashSet<string> MappedTweetFields = ["id", "author_id", "created_at", "text", "in_reply_to_user_id", "public_metrics"];
    private static readonly HashSet<string> MappedUserFields = ["id", "username", "name", "created_at", "description", "url", "public_metrics"];

    public string User(JsonElement u)
    {
        var id = RequiredStr(u, "id");
        var username = Str(u, "username");
        context.Learn(username, id);
        context.Account(TwitterRecordContext.Bare(id, username, Str(u, "name")) with
        {
            Created = IsoTime(u, "created_at"),
            Bio = Str(u, "description"),
            Raw = RawExcept(u, MappedUserFields),
        });
        if (Obj(u, "public_metrics") is { } m)
        {
            context.Tally.SetAudience(id, Count(m, "followers_count"), Count(m, "following_count"), Count(m, "listed_count"), Count(m, "tweet_count"));
        }

        return id;
    }

    /// <summary>
    /// Maps a tweet; false when its author is unknown (a v2 tweet fetched without <c>author_id</c> outside a
    /// user's timeline), which leaves nothing to attribute it to. <paramref name="quotes"/> is the tweet a
    /// quote_tweets response is about.
    /// </summary>
    public bool Tweet(JsonElement t, string? defaultAuthor, string? quotes)
    {
        var id = RequiredStr(t, "id");
        var author = Str(t, "author_id") ?? defaultAuthor ?? context.TweetAuthors.GetValueOrDefault(id);
        if (author is null)
        {
            return false;
        }

        context.TweetAuthors[id] = author;
        var time = IsoTime(t, "created_at") ?? TwitterFields.SnowflakeTime(id)
            ?? throw new JsonFieldProblem("created_at", "is missing and the id carries no time; expected an ISO 8601 time");
        var text = Str(t, "text");

        var kind = PostKind.Post;
        string? parent = null;
        if (Arr(t, "referenced_tweets") is { } refs)
        {
            foreach (var r in refs.EnumerateArray())
            {
                var (type, refId) = (RequiredStr(r, "type"), RequiredStr(r, "id"));
                (kind, parent) = type switch
                {
                    "retweeted" => (PostKind.Reshare, refId),
                    "replied_to" when kind != PostKind.Reshare => (PostKind.Reply, refId),
                    "quoted" when kind == PostKind.Post => (PostKind.Quote, refId),
                    _ => (kind, parent),
                };
            }
        }
        else if (quotes is not null)
        {
            (kind, parent) = (PostKind.Quote, quotes);
        }

        var mentions = new List<(string Id, string? Name)>();
        if (Obj(t, "entities") is { } ents && Arr(ents, "mentions") is { } list)
        {
            foreach (var m in list.EnumerateArray())
            {
                if (Str(m, "id") is { } mid)
                {
                    context.Learn(Str(m, "username"), mid);
                    context.Account(TwitterRecordContext.Bare(mid, Str(m, "username"), null));
                    mentions.Add((mid, Str(m, "username")));
                }
            }
        }

        var target = parent is null ? null : context.TweetAuthors.GetValueOrDefault(parent);
        if (kind == PostKind.Reply)
        {
            target ??= Str(t, "in_reply_to_user_id");
        }
        else if (kind == PostKind.Reshare && text is not null && text.StartsWith("RT @", StringComparison.Ordinal))
        {
            var name = text[4..].Split([':', ' '], 2)[0];
            target ??= mentions.Find(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)).Id ?? context.IdOf(name);
        }

        if (target is not null && parent is not null)
        {
            context.TweetAuthors[parent] = target;
        }

        context.Post(new PostRecord(Network.X, id, author, time, kind)
        {
            Text = text,
            Url = TwitterFields.PostUrl(context.NamesById.GetValueOrDefault(author), id),
            Parent = parent,
            Raw = RawExcept(t, MappedTweetFields),
        });

        if (target is not null)
        {
            var action = kind switch
            {
                PostKind.Reply => new ActionRecord(Network.X, $"reply:{id}", ActionKind.Reply, author, target, time),
                PostKind.Quote => new ActionRecord(Network.X, $"quote:{id}", ActionKind.Quote, author, target, time),
                _ => new ActionRecord(Network.X, $"reshare:{author}:{parent}", ActionKind.Reshare, author, target, time),
            };
            context.Action(action with { Post = parent });
        }

        if (kind == PostKind.Reshare)
        {
            return true;
        }

        foreach (var (mid, _) in mentions)
        {
            if (mid != target || kind != PostKind.Reply)
            {
                context.Action(new ActionRecord(Network.X, $"mention:{id}:{mid}", ActionKind.Mention, author, mid, time));
            }
        }

        if (Obj(t, "public_metrics") is { } pm)
        {
            context.Tally.SetPost(
                author,
                id,
                (ActionKind.Like, Count(pm, "like_count")),
                (ActionKind.Reshare, Count(pm, "retweet_count")),
                (ActionKind.Reply, Count(pm, "reply_count")),
                (ActionKind.Quote, Count(pm, "quote_count")));
        }

        return true;
    }
}
