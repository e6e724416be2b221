using System.Text.Json;
using System.Text.RegularExpressions;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;
using static Clout.Importers.Common.LenientJsonFields;

namespace Clout.Importers.Mastodon;

/// <summary>
/// One read of recorded Mastodon REST responses (docs/formats/mastodon-api.md). API ids are local to the server
/// that answered, so a first pass learns which account and status each local id is, from every response.
/// </summary>
internal sealed partial class MastodonApiReader(ImportOptions options, CancellationToken cancellationToken)
{
    private static readonly HashSet<string> MappedStatusFields =
    [
        "id", "uri", "url", "created_at", "content", "account", "reblog", "in_reply_to_id", "in_reply_to_account_id",
        "replies_count", "reblogs_count", "favourites_count", "quotes_count", "quote",
    ];

    private static readonly HashSet<string> MappedAccountFields =
    [
        "id", "username", "acct", "display_name", "created_at", "note", "url", "followers_count", "following_count", "statuses_count",
    ];

    private readonly Dictionary<string, string> accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Uri, string? Author)> statuses = new(StringComparer.Ordinal);
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly List<ImportRecord> pending = [];
    private readonly AccountCounterTally tally = new();
    private string? me;
    private string? server;

    public IEnumerable<ImportItem> Read(string path) => Read(RecordedHttpCassette.Read(path, cancellationToken).ToList());

    public IEnumerable<ImportItem> Read(List<RecordedResponse> responses)
    {
        try
        {
            foreach (var r in responses)
            {
                if (r.Body is not null)
                {
                    Learn(r.Body.RootElement, r.Endpoint);
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

            var date = fetched is { } f ? DateOnly.FromDateTime(f.UtcDateTime) : options.SnapshotDate ?? DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var m in tally.ToRecords(Network.Mastodon, date))
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
        server = r.Uri is not null && Uri.TryCreate(r.Uri, UriKind.Absolute, out var u) ? u.Host : null;
        var time = r.Date ?? (options.SnapshotDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.UtcNow.Date);
        var list = AccountList().Match(r.Endpoint ?? "");
        if (root.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var e in root.EnumerateArray())
            {
                Guard(items, r, $"[{i++}]", () => Entity(e, list, time));
            }
        }
        else
        {
            Guard(items, r, "", () => Entity(root, list, time));
        }

        foreach (var record in pending)
        {
            items.Add(ImportItem.Ok(record));
        }

        pending.Clear();
        return items;
    }

    private void Entity(JsonElement e, Match list, DateTimeOffset time)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new JsonFieldProblem("", $"expected an object, found {Describe(e.ValueKind)}");
        }

        if (e.TryGetProperty("ancestors", out _) || e.TryGetProperty("descendants", out _))
        {
            foreach (var name in (string[])["ancestors", "descendants"])
            {
                if (Arr(e, name) is { } a)
                {
                    foreach (var s in a.EnumerateArray())
                    {
                        Status(s);
                    }
                }
            }
        }
        else if (e.TryGetProperty("content", out _) && e.TryGetProperty("account", out _))
        {
            Status(e);
        }
        else if (e.TryGetProperty("type", out _) && e.TryGetProperty("account", out _))
        {
            Notification(e);
        }
        else if (e.TryGetProperty("acct", out _))
        {
            var account = Account(e);
            ListAction(list, account, time);
        }

        // Anything else (tags, relationships, lists, counts) says nothing about accounts acting on accounts.
    }

    private string Account(JsonElement a)
    {
        var url = Str(a, "url");
        var id = MastodonAccountIds.FromAcct(Str(a, "acct"), url ?? (server is null ? null : $"https://{server}/"))
            ?? throw new JsonFieldProblem("acct", "is missing or has no instance; expected name or name@instance with the account's url");
        if (seen.Add("account:" + id))
        {
            pending.Add(new AccountRecord(Network.Mastodon, id)
            {
                Handle = Str(a, "username"),
                Name = Str(a, "display_name") is { Length: > 0 } n ? n : null,
                Created = IsoTime(a, "created_at"),
                Bio = HtmlText.ToText(Str(a, "note")),
                Url = url,
                Raw = RawExcept(a, MappedAccountFields),
            });
        }

        tally.SetAudience(id, Count(a, "followers_count"), Count(a, "following_count"), null, Count(a, "statuses_count"));
        return id;
    }

    /// <summary>Maps a status and the statuses it embeds; returns its id (the ActivityPub URI) and author.</summary>
    private (string Id, string Author) Status(JsonElement s)
    {
        var author = Account(Obj(s, "account") ?? throw new JsonFieldProblem("account", "is missing; expected the author of the status"));
        var id = Str(s, "uri") ?? Str(s, "url") ?? throw new JsonFieldProblem("uri", "is missing; expected the status URI");
        var time = IsoTime(s, "created_at") ?? throw new JsonFieldProblem("created_at", "is missing; expected an ISO 8601 time");

        var kind = PostKind.Post;
        string? parent = null;
        string? target = null;
        if (Obj(s, "reblog") is { } reblog)
        {
            (parent, target) = Status(reblog);
            kind = PostKind.Reshare;
        }
        else if (Str(s, "in_reply_to_id") is { } replyTo)
        {
            kind = PostKind.Reply;
            var known = statuses.GetValueOrDefault(replyTo);
            parent = known.Uri ?? $"https://{server ?? HostOf(Str(s, "url")) ?? "unknown"}/api/v1/statuses/{replyTo}";
            target = known.Author ?? (Str(s, "in_reply_to_account_id") is { } acc ? accounts.GetValueOrDefault(acc) : null);
        }
        else if (Obj(s, "quote") is { } quote && Obj(quote, "quoted_status") is { } quoted)
        {
            (parent, target) = Status(quoted);
            kind = PostKind.Quote;
        }

        if (seen.Add("post:" + id))
        {
            pending.Add(new PostRecord(Network.Mastodon, id, author, time, kind)
            {
                Text = HtmlText.ToText(Str(s, "content")),
                Url = Str(s, "url"),
                Parent = parent,
                Raw = RawExcept(s, MappedStatusFields),
            });
        }

        if (target is not null && target != author)
        {
            var action = kind switch
            {
                PostKind.Reshare => new ActionRecord(Network.Mastodon, $"reshare:{author}:{parent}", ActionKind.Reshare, author, target, time),
                PostKind.Quote => new ActionRecord(Network.Mastodon, $"quote:{id}", ActionKind.Quote, author, target, time),
                _ => new ActionRecord(Network.Mastodon, $"reply:{id}", ActionKind.Reply, author, target, time),
            };
            Action(action with { Post = parent });
        }

        if (kind == PostKind.Reshare)
        {
            return (id, author);
        }

        if (Arr(s, "mentions") is { } mentions)
        {
            foreach (var m in mentions.EnumerateArray())
            {
                var account = MastodonAccountIds.FromAcct(Str(m, "acct"), Str(m, "url"));
                if (account is not null && account != author && account != target)
                {
                    Action(new ActionRecord(Network.Mastodon, $"mention:{id}:{account}", ActionKind.Mention, author, account, time));
                }
            }
        }

        tally.SetPost(
            author,
            id,
            (ActionKind.Reply, Count(s, "replies_count")),
            (ActionKind.Reshare, Count(s, "reblogs_count")),
            (ActionKind.Like, Count(s, "favourites_count")),
            (ActionKind.Quote, Count(s, "quotes_count")));
        return (id, author);
    }

    private void Notification(JsonElement n)
    {
        var type = RequiredStr(n, "type");
        var actor = Account(Obj(n, "account")!.Value);
        var time = IsoTime(n, "created_at") ?? throw new JsonFieldProblem("created_at", "is missing; expected an ISO 8601 time");
        var status = Obj(n, "status") is { } s ? Status(s) : ((string Id, string Author)?)null;
        switch (type)
        {
            case "favourite" when status is { } st:
                Action(new ActionRecord(Network.Mastodon, $"like:{actor}:{st.Id}", ActionKind.Like, actor, st.Author, time) { Post = st.Id });
                break;
            case "reblog" when status is { } st:
                Action(new ActionRecord(Network.Mastodon, $"reshare:{actor}:{st.Id}", ActionKind.Reshare, actor, st.Author, time) { Post = st.Id });
                break;
            case "follow" when me is not null:
                Action(new ActionRecord(Network.Mastodon, $"follow:{actor}:{me}", ActionKind.Follow, actor, me, time));
                break;
        }

        // A mention notification's status carries the mention itself, mapped with the status.
    }

    /// <summary>What a list of accounts means comes from the request path.</summary>
    private void ListAction(Match list, string account, DateTimeOffset time)
    {
        if (!list.Success)
        {
            return;
        }

        var (subject, kind) = (list.Groups[2].Value, list.Groups[3].Value);
        if (list.Groups[1].Value == "statuses" && statuses.TryGetValue(subject, out var st) && st.Author is { } author)
        {
            if (kind == "favourited_by")
            {
                Action(new ActionRecord(Network.Mastodon, $"like:{account}:{st.Uri}", ActionKind.Like, account, author, time) { Post = st.Uri });
            }
            else if (kind == "reblogged_by")
            {
                Action(new ActionRecord(Network.Mastodon, $"reshare:{account}:{st.Uri}", ActionKind.Reshare, account, author, time) { Post = st.Uri });
            }
        }
        else if (list.Groups[1].Value == "accounts" && accounts.TryGetValue(subject, out var other))
        {
            var (actor, target) = kind == "followers" ? (account, other) : (other, account);
            Action(new ActionRecord(Network.Mastodon, $"follow:{actor}:{target}", ActionKind.Follow, actor, target, time));
        }
    }

    private void Action(ActionRecord action)
    {
        if (action.Actor != action.Target && seen.Add("action:" + action.Id))
        {
            pending.Add(action);
        }
    }

    private void Guard(List<ImportItem> items, RecordedResponse r, string at, System.Action map)
    {
        try
        {
            map();
        }
        catch (Exception e) when (e is JsonFieldProblem or InvalidOperationException)
        {
            pending.Clear();
            var field = e is JsonFieldProblem p ? (p.Field.Length == 0 ? at : at.Length == 0 ? p.Field : $"{at}.{p.Field}") : at;
            items.Add(ImportItem.Fail(new ImportError(r.Source, r.Line, field.Length == 0 ? null : field, e.Message)));
        }
    }

    /// <summary>Local account and status ids, from every entity in a response, and the authenticated account.</summary>
    private void Learn(JsonElement e, string? endpoint)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
            {
                Learn(x, null);
            }

            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var localId = e.TryGetProperty("id", out var idv) && idv.ValueKind == JsonValueKind.String ? idv.GetString() : null;
        if (e.TryGetProperty("acct", out var acct) && acct.ValueKind == JsonValueKind.String && localId is not null)
        {
            var url = e.TryGetProperty("url", out var uv) && uv.ValueKind == JsonValueKind.String ? uv.GetString() : null;
            if (MastodonAccountIds.FromAcct(acct.GetString(), url) is { } account)
            {
                accounts.TryAdd(localId, account);
                if (endpoint == "api_v1_accounts_verify_credentials")
                {
                    me = account;
                }
            }
        }

        if (e.TryGetProperty("content", out _) && localId is not null && e.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String)
        {
            string? author = null;
            if (e.TryGetProperty("account", out var a) && a.ValueKind == JsonValueKind.Object)
            {
                author = MastodonAccountIds.FromAcct(a.TryGetProperty("acct", out var aa) && aa.ValueKind == JsonValueKind.String ? aa.GetString() : null,
                    a.TryGetProperty("url", out var au) && au.ValueKind == JsonValueKind.String ? au.GetString() : null);
            }

            statuses.TryAdd(localId, (uri.GetString()!, author));
        }

        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                Learn(p.Value, null);
            }
        }
    }

    private static string? HostOf(string? url) => url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    // api_v1_statuses_<id>_favourited_by | reblogged_by, api_v1_accounts_<id>_followers | following
    [GeneratedRegex(@"^api_v1_(statuses|accounts)_(\d+)_(favourited_by|reblogged_by|followers|following)$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountList();
}
