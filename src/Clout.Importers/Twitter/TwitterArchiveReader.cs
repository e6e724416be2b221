using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;
using static Clout.Importers.Common.LenientJsonFields;

namespace Clout.Importers.Twitter;

/// <summary>One read of a Twitter/X archive's data folder (docs/formats/twitter-archive.md).</summary>
internal sealed class TwitterArchiveReader(string dataDir, ImportOptions options, CancellationToken cancellationToken)
{
    private readonly TwitterRecordContext context = new();
    private static readonly HashSet<string> LikeMapped = ["tweetId"];
    private static readonly HashSet<string> AccountMapped = ["accountId", "username", "accountDisplayName", "displayName", "createdAt", "email"];
    private DateTimeOffset? newestTweet;

    public IEnumerable<ImportItem> Read()
    {
        var accountFiles = YtdScript.Parts(dataDir, "account");
        var tweetFiles = YtdScript.Parts(dataDir, "tweets", "tweet");
        if (accountFiles.Count == 0 || tweetFiles.Count == 0)
        {
            var missing = accountFiles.Count == 0 ? "account.js" : "tweets.js (or tweet.js)";
            yield return Fail(dataDir, 0, null, $"the archive has no {missing}; expected the data folder of a Twitter/X archive with account.js and tweets.js");
            yield break;
        }

        var exportTime = ExportTime();
        AccountRecord? owner = null;
        foreach (var (e, line, error) in Elements(accountFiles, "account"))
        {
            if (error is not null)
            {
                yield return ImportItem.Fail(error);
                yield break;
            }

            if (owner is not null)
            {
                continue;
            }

            owner = Owner(e, accountFiles[0], line, out var ownerError);
            if (ownerError is not null)
            {
                yield return ImportItem.Fail(ownerError);
                yield break;
            }
        }

        if (owner is null)
        {
            yield return Fail(accountFiles[0], 1, "account", "the account list is empty; expected the archive owner's account");
            yield break;
        }

        owner = WithProfile(owner);
        context.Learn(owner.Handle, owner.Id);
        yield return ImportItem.Ok(owner);

        var mapper = new TwitterV1Mapper(context);
        long tweets = 0;
        foreach (var (e, line, error) in Elements(tweetFiles, "tweet"))
        {
            if (error is not null)
            {
                yield return ImportItem.Fail(error);
                continue;
            }

            ImportError? problem = null;
            try
            {
                mapper.Status(e, owner.Id);
                tweets++;
            }
            catch (JsonFieldProblem p)
            {
                context.Pending.Clear();
                problem = new ImportError(Current, line, "tweet." + p.Field, p.Message);
            }

            if (problem is not null)
            {
                yield return ImportItem.Fail(problem);
            }

            foreach (var r in context.Pending)
            {
                if (r is PostRecord post && (newestTweet is null || post.Time > newestTweet))
                {
                    newestTweet = post.Time;
                }
            }

            foreach (var item in context.Drain())
            {
                yield return item;
            }
        }

        mapper.ResolveLater();
        foreach (var item in context.Drain())
        {
            yield return item;
        }

        // Follows and likes carry no time: the archive's generation time is when they were last true.
        var actionTime = exportTime
            ?? (options.SnapshotDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null)
            ?? newestTweet ?? owner.Created ?? DateTimeOffset.UnixEpoch;
        var followers = 0L;
        foreach (var item in Follows(YtdScript.Parts(dataDir, "follower"), "follower", owner.Id, actionTime, incoming: true))
        {
            followers += item.Record is ActionRecord ? 1 : 0;
            yield return item;
        }

        var following = 0L;
        foreach (var item in Follows(YtdScript.Parts(dataDir, "following"), "following", owner.Id, actionTime, incoming: false))
        {
            following += item.Record is ActionRecord ? 1 : 0;
            yield return item;
        }

        foreach (var item in Likes(YtdScript.Parts(dataDir, "like"), owner.Id, actionTime))
        {
            yield return item;
        }

        context.Tally.SetAudience(
            owner.Id,
            YtdScript.Parts(dataDir, "follower").Count > 0 ? followers : null,
            YtdScript.Parts(dataDir, "following").Count > 0 ? following : null,
            null,
            tweets);
        var date = exportTime is { } x ? DateOnly.FromDateTime(x.UtcDateTime) : options.SnapshotDate ?? DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var m in context.Tally.ToRecords(Network.X, date))
        {
            yield return ImportItem.Ok(m);
        }
    }

    private string Current { get; set; } = "";

    private IEnumerable<ImportItem> Follows(List<string> files, string type, string owner, DateTimeOffset time, bool incoming)
    {
        foreach (var (e, line, error) in Elements(files, type))
        {
            if (error is not null)
            {
                yield return ImportItem.Fail(error);
                continue;
            }

            var id = TryStr(e, "accountId", out var problem);
            if (string.IsNullOrEmpty(id))
            {
                yield return Fail(Current, line, $"{type}.accountId", problem ?? "is missing; expected the account id as a string");
                continue;
            }

            yield return ImportItem.Ok(new AccountRecord(Network.X, id) { Url = TryStr(e, "userLink", out _) });
            var (actor, target) = incoming ? (id, owner) : (owner, id);
            if (actor != target)
            {
                yield return ImportItem.Ok(new ActionRecord(Network.X, $"follow:{actor}:{target}", ActionKind.Follow, actor, target, time));
            }
        }
    }

    private IEnumerable<ImportItem> Likes(List<string> files, string owner, DateTimeOffset time)
    {
        foreach (var (e, line, error) in Elements(files, "like"))
        {
            if (error is not null)
            {
                yield return ImportItem.Fail(error);
                continue;
            }

            var tweet = TryStr(e, "tweetId", out var problem);
            if (string.IsNullOrEmpty(tweet))
            {
                yield return Fail(Current, line, "like.tweetId", problem ?? "is missing; expected the liked tweet's id as a string");
                continue;
            }

            var author = TwitterFields.TryStatusLink(TryStr(e, "expandedUrl", out _), out var name, out _) ? context.IdOf(name) : null;
            author ??= context.TweetAuthors.GetValueOrDefault(tweet);

            // A like whose author the archive does not reveal has no target account: it is left out (see the format doc).
            if (author is not null && author != owner)
            {
                yield return ImportItem.Ok(new ActionRecord(Network.X, $"like:{owner}:{tweet}", ActionKind.Like, owner, author, time)
                {
                    Post = tweet,
                    Raw = RawExcept(e, LikeMapped),
                });
            }
        }
    }

    private AccountRecord? Owner(JsonElement e, string file, long line, out ImportError? error)
    {
        error = null;
        try
        {
            var id = RequiredStr(e, "accountId");
            return new AccountRecord(Network.X, id)
            {
                Handle = Str(e, "username"),
                Name = Str(e, "accountDisplayName") ?? Str(e, "displayName"),
                Created = IsoTime(e, "createdAt"),
                Url = Str(e, "username") is { } u ? $"https://twitter.com/{u}" : null,
                Person = options.Person,
                Raw = RawExcept(e, AccountMapped),
            };
        }
        catch (JsonFieldProblem p)
        {
            error = new ImportError(file, line, "account." + p.Field, p.Message);
            return null;
        }
    }

    private AccountRecord WithProfile(AccountRecord owner)
    {
        foreach (var (e, _, error) in Elements(YtdScript.Parts(dataDir, "profile"), "profile"))
        {
            if (error is not null)
            {
                break;
            }

            try
            {
                return Obj(e, "description") is { } d ? owner with { Bio = Str(d, "bio") ?? owner.Bio, Url = Str(d, "website") ?? owner.Url } : owner;
            }
            catch (JsonFieldProblem)
            {
                // The profile only enriches the owner; a malformed one leaves the account as account.js describes it.
                break;
            }
        }

        return owner;
    }

    private DateTimeOffset? ExportTime()
    {
        var manifest = Path.Combine(dataDir, "manifest.js");
        if (!File.Exists(manifest))
        {
            return null;
        }

        try
        {
            var data = File.ReadAllBytes(manifest);
            var start = YtdScript.JsonStart(data, (byte)'{');
            if (start < 0)
            {
                return null;
            }

            using var doc = JsonDocument.Parse(data.AsMemory(start));
            return Obj(doc.RootElement, "archiveInfo") is { } info ? IsoTime(info, "generationDate") : null;
        }
        catch (Exception e) when (e is JsonException or JsonFieldProblem or IOException)
        {
            // The manifest only dates the archive; without it follows and counters fall back to other dates.
            return null;
        }
    }

    /// <summary>The elements of a data type's part files, unwrapped from their <c>{"type": {...}}</c> envelope.</summary>
    private IEnumerable<(JsonElement Element, long Line, ImportError? Error)> Elements(List<string> files, string type)
    {
        foreach (var file in files)
        {
            Current = file;
            var cursor = YtdScript.Open(file, out var openError);
            if (cursor is null)
            {
                yield return (default, 0, openError);
                continue;
            }

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!cursor.TryNext(out var doc, out var line, out var error))
                {
                    if (error is not null)
                    {
                        yield return (default, error.Line, error with { Field = null });
                    }

                    break;
                }

                using (doc)
                {
                    var root = doc!.RootElement;
                    var inner = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(type, out var wrapped) ? wrapped : root;
                    if (inner.ValueKind != JsonValueKind.Object)
                    {
                        yield return (default, line, new ImportError(file, line, type, $"expected an object, found {Describe(inner.ValueKind)}"));
                        continue;
                    }

                    yield return (inner, line, null);
                }
            }
        }
    }

    private static ImportItem Fail(string source, long line, string? field, string message) =>
        ImportItem.Fail(new ImportError(source, line, field, message));
}
