using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;
using static Clout.Importers.Common.LenientJsonFields;

namespace Clout.Importers.Mastodon;

/// <summary>One read of a Mastodon account export folder (docs/formats/mastodon-archive.md).</summary>
internal sealed class MastodonArchiveReader(string folder, ImportOptions options, CancellationToken cancellationToken)
{
    private static readonly HashSet<string> MappedNoteFields = ["id", "type", "published", "url", "attributedTo", "content", "contentMap", "inReplyTo"];
    private static readonly HashSet<string> MappedActorFields = ["id", "preferredUsername", "name", "summary", "published", "url", "@context", "publicKey", "icon", "image"];
    private DateTimeOffset? newest;

    public IEnumerable<ImportItem> Read()
    {
        var actorFile = Path.Combine(folder, "actor.json");
        var outboxFile = Path.Combine(folder, "outbox.json");
        foreach (var required in (string[])[actorFile, outboxFile])
        {
            if (!File.Exists(required))
            {
                yield return Fail(folder, 0, null, $"the export has no {Path.GetFileName(required)}; expected a Mastodon export folder with actor.json and outbox.json");
                yield break;
            }
        }

        var owner = Owner(actorFile, out var ownerError);
        if (owner is null)
        {
            yield return ImportItem.Fail(ownerError!);
            yield break;
        }

        yield return ImportItem.Ok(owner);

        var outbox = Open(outboxFile, out var openError);
        if (outbox is null)
        {
            yield return ImportItem.Fail(openError!);
            yield break;
        }

        var pending = new List<ImportRecord>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!outbox.TryNext(out var doc, out var line, out var error))
            {
                if (error is not null)
                {
                    yield return ImportItem.Fail(error);
                }

                break;
            }

            ImportError? problem = null;
            using (doc)
            {
                try
                {
                    Activity(doc!.RootElement, owner.Id, pending);
                }
                catch (JsonFieldProblem p)
                {
                    pending.Clear();
                    problem = new ImportError(outboxFile, line, "orderedItems." + p.Field, p.Message);
                }
            }

            if (problem is not null)
            {
                yield return ImportItem.Fail(problem);
            }

            foreach (var r in pending)
            {
                yield return ImportItem.Ok(r);
            }

            pending.Clear();
        }

        // Likes and follows carry no time: the newest activity in the export is the best date known for them.
        var actionTime = (options.SnapshotDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null)
            ?? newest ?? owner.Created ?? DateTimeOffset.UnixEpoch;
        foreach (var item in Likes(Path.Combine(folder, "likes.json"), owner.Id, actionTime))
        {
            yield return item;
        }

        long? following = null;
        var csv = Path.Combine(folder, "following_accounts.csv");
        if (File.Exists(csv))
        {
            following = 0;
            foreach (var item in MastodonFollowsCsv.Read(csv, owner.Id, actionTime, cancellationToken))
            {
                following += item.Record is ActionRecord ? 1 : 0;
                yield return item;
            }
        }

        var posts = outbox.RootScalars.TryGetValue("totalItems", out var total) && long.TryParse(total, out var n) ? n : (long?)null;
        var date = options.SnapshotDate ?? DateOnly.FromDateTime(DateTime.UtcNow);
        yield return ImportItem.Ok(new MetricsRecord(Network.Mastodon, owner.Id, date) { Posts = posts, Following = following });
    }

    private void Activity(JsonElement a, string owner, List<ImportRecord> output)
    {
        var type = Str(a, "type");
        if (type == "Announce")
        {
            var id = RequiredStr(a, "id");
            var time = IsoTime(a, "published") ?? throw new JsonFieldProblem("published", "is missing; expected an ISO 8601 time");
            var original = a.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.Object ? RequiredStr(o, "id") : RequiredStr(a, "object");
            Newest(time);
            output.Add(new PostRecord(Network.Mastodon, id, owner, time, PostKind.Reshare) { Parent = original, Raw = RawExcept(a, MappedNoteFields) });
            if (MastodonAccountIds.FromUri(original) is { } author && author != owner)
            {
                output.Add(new ActionRecord(Network.Mastodon, $"reshare:{owner}:{original}", ActionKind.Reshare, owner, author, time) { Post = original });
            }

            return;
        }

        if (type != "Create" || Obj(a, "object") is not { } note)
        {
            // Other activities (Delete, Update...) and Creates that only link their object describe no post.
            return;
        }

        var postId = RequiredStr(note, "id");
        var published = IsoTime(note, "published") ?? IsoTime(a, "published") ?? throw new JsonFieldProblem("object.published", "is missing; expected an ISO 8601 time");
        Newest(published);
        var parent = Str(note, "inReplyTo");
        output.Add(new PostRecord(Network.Mastodon, postId, owner, published, parent is null ? PostKind.Post : PostKind.Reply)
        {
            Text = HtmlText.ToText(Str(note, "content")),
            Url = Str(note, "url"),
            Parent = parent,
            Raw = RawExcept(note, MappedNoteFields),
        });

        var replyTarget = MastodonAccountIds.FromUri(parent);
        if (parent is not null && replyTarget is not null && replyTarget != owner)
        {
            output.Add(new ActionRecord(Network.Mastodon, $"reply:{postId}", ActionKind.Reply, owner, replyTarget, published) { Post = parent });
        }

        if (Arr(note, "tag") is not { } tags)
        {
            return;
        }

        foreach (var tag in tags.EnumerateArray())
        {
            if (Str(tag, "type") != "Mention")
            {
                continue;
            }

            var account = MastodonAccountIds.FromAddress(Str(tag, "name")) ?? MastodonAccountIds.FromUri(Str(tag, "href"));
            if (account is not null && account != owner && account != replyTarget)
            {
                output.Add(new ActionRecord(Network.Mastodon, $"mention:{postId}:{account}", ActionKind.Mention, owner, account, published));
            }
        }
    }

    private IEnumerable<ImportItem> Likes(string file, string owner, DateTimeOffset time)
    {
        if (!File.Exists(file))
        {
            yield break;
        }

        var cursor = Open(file, out var openError);
        if (cursor is null)
        {
            yield return ImportItem.Fail(openError!);
            yield break;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!cursor.TryNext(out var doc, out var line, out var error))
            {
                if (error is not null)
                {
                    yield return ImportItem.Fail(error);
                }

                break;
            }

            string? post;
            using (doc)
            {
                var e = doc!.RootElement;
                post = e.ValueKind == JsonValueKind.String ? e.GetString() : TryStr(e, "id", out _);
            }

            if (string.IsNullOrEmpty(post))
            {
                yield return Fail(file, line, "orderedItems", "expected the URI of a liked post (a string)");
                continue;
            }

            // A liked post whose URI names no account (such as /objects/<uuid>) has no known author: left out.
            if (MastodonAccountIds.FromUri(post) is { } author && author != owner)
            {
                yield return ImportItem.Ok(new ActionRecord(Network.Mastodon, $"like:{owner}:{post}", ActionKind.Like, owner, author, time) { Post = post });
            }
        }
    }

    private AccountRecord? Owner(string file, out ImportError? error)
    {
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var actor = doc.RootElement;
            var uri = RequiredStr(actor, "id");
            var id = MastodonAccountIds.FromUri(uri) ?? MastodonAccountIds.FromAcct(Str(actor, "preferredUsername"), uri)
                ?? throw new JsonFieldProblem("id", $"'{uri}' is not an actor URI; expected https://instance/users/name");
            return new AccountRecord(Network.Mastodon, id)
            {
                Handle = Str(actor, "preferredUsername"),
                Name = Str(actor, "name"),
                Bio = HtmlText.ToText(Str(actor, "summary")),
                Created = IsoTime(actor, "published"),
                Url = Str(actor, "url") ?? uri,
                Person = options.Person,
                Raw = RawExcept(actor, MappedActorFields),
            };
        }
        catch (JsonException e)
        {
            error = new ImportError(file, (e.LineNumber ?? 0) + 1, null, $"not valid JSON ({e.Message.Split(" LineNumber", 2)[0].TrimEnd('.')}); expected the ActivityPub actor of the account");
        }
        catch (JsonFieldProblem p)
        {
            error = new ImportError(file, 1, p.Field, p.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            error = new ImportError(file, 0, null, $"cannot read the actor: {e.Message}");
        }

        return null;
    }

    private static JsonArrayCursor? Open(string file, out ImportError? error)
    {
        error = null;
        try
        {
            return JsonArrayCursor.ForRootProperty(File.ReadAllBytes(file), "orderedItems", file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = new ImportError(file, 0, null, $"cannot read the file: {e.Message}");
            return null;
        }
    }

    private void Newest(DateTimeOffset t)
    {
        if (newest is null || t > newest)
        {
            newest = t;
        }
    }

    private static ImportItem Fail(string source, long line, string? field, string message) =>
        ImportItem.Fail(new ImportError(source, line, field, message));
}
