using System.Globalization;
using System.Text;
using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Importers.Bluesky;

/// <summary>
/// Maps atproto records (in their JSON form, as Jetstream sends them and as CAR blocks convert to) into Clout
/// records. Shared by the CAR and Jetstream readers so that both give the same ids and kinds for the same record.
/// Throws <see cref="BlueskyFieldException"/> for a missing or mistyped required field.
/// </summary>
internal sealed class BlueskyRecordMapper(string? person)
{
    public const string Profile = "app.bsky.actor.profile";
    public const string Post = "app.bsky.feed.post";
    public const string Like = "app.bsky.feed.like";
    public const string Repost = "app.bsky.feed.repost";
    public const string Follow = "app.bsky.graph.follow";
    public const string Block = "app.bsky.graph.block";
    public const string ListItem = "app.bsky.graph.listitem";

    private static readonly string[] PostModelled = ["$type", "text"];
    private static readonly string[] ActionModelled = ["$type"];
    private static readonly string[] ProfileModelled = ["$type", "displayName", "description"];

    private readonly HashSet<string> accounts = new(StringComparer.Ordinal);
    private readonly List<string> touched = [];

    public static bool IsMapped(string collection) =>
        collection is Profile or Post or Like or Repost or Follow or Block or ListItem;

    /// <summary>A bare account the first time a DID is seen in this read, so every actor and target has an account.</summary>
    public void Touch(string did, List<ImportRecord> output)
    {
        if (accounts.Add(did))
        {
            touched.Add(did);
            output.Add(new AccountRecord(Network.Bluesky, did) { Url = ProfileUrl(did) });
        }
    }

    /// <summary>An account known with more than its DID (a profile, a handle): always emitted.</summary>
    public void Account(AccountRecord account, List<ImportRecord> output)
    {
        accounts.Add(account.Id);
        output.Add(account);
    }

    /// <summary>
    /// Maps one record. <paramref name="eventTime"/> is the network's time for the record (Jetstream's time_us);
    /// when null the record's createdAt is used, else the time in its TID record key.
    /// </summary>
    public void Map(string did, string collection, string rkey, string? cid, JsonElement record, DateTimeOffset? eventTime, List<ImportRecord> output)
    {
        // A record that fails half-way leaves nothing behind: neither its records nor the accounts it first saw.
        var count = output.Count;
        touched.Clear();
        try
        {
            MapRecord(did, collection, rkey, cid, record, eventTime, output);
        }
        catch (BlueskyFieldException)
        {
            output.RemoveRange(count, output.Count - count);
            foreach (var seen in touched)
            {
                accounts.Remove(seen);
            }

            throw;
        }
    }

    private void MapRecord(string did, string collection, string rkey, string? cid, JsonElement record, DateTimeOffset? eventTime, List<ImportRecord> output)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new BlueskyFieldException("$type", "the record is not an object");
        }

        if (record.TryGetProperty("$type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != collection)
        {
            throw new BlueskyFieldException("$type", $"the record's type '{type.GetString()}' does not match its collection '{collection}'");
        }

        var uri = AtUri.Of(did, collection, rkey);
        switch (collection)
        {
            case Profile:
                MapProfile(did, cid, record, output);
                break;
            case Post:
                MapPost(did, rkey, uri, cid, record, Time(record, rkey, eventTime), output);
                break;
            case Like:
            case Repost:
                MapSubjectAction(did, uri, cid, collection, record, Time(record, rkey, eventTime), output);
                break;
            case Follow:
            case Block:
                var target = RequiredDid(record, "subject");
                Touch(did, output);
                Touch(target, output);
                output.Add(new ActionRecord(Network.Bluesky, uri, collection == Follow ? ActionKind.Follow : ActionKind.Block, did, target, Time(record, rkey, eventTime))
                {
                    Raw = RawJson(record, ActionModelled, cid),
                });
                break;
            case ListItem:
                var member = RequiredDid(record, "subject");
                var list = RequiredString(record, "list");
                Touch(did, output);
                Touch(member, output);
                output.Add(new ActionRecord(Network.Bluesky, uri, ActionKind.List, did, member, Time(record, rkey, eventTime))
                {
                    Topic = list,
                    Raw = RawJson(record, ActionModelled, cid),
                });
                break;
            default:
                break;
        }
    }

    public static string ProfileUrl(string did) => $"https://bsky.app/profile/{did}";

    public static DateTimeOffset? ParseTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;

    private void MapProfile(string did, string? cid, JsonElement record, List<ImportRecord> output) =>
        Account(
            new AccountRecord(Network.Bluesky, did)
            {
                Name = OptionalString(record, "displayName"),
                Bio = OptionalString(record, "description"),
                Created = ParseTime(OptionalString(record, "createdAt")),
                Url = ProfileUrl(did),
                Person = person,
                Raw = RawJson(record, ProfileModelled, cid),
            },
            output);

    private void MapPost(string did, string rkey, string uri, string? cid, JsonElement record, DateTimeOffset time, List<ImportRecord> output)
    {
        Touch(did, output);
        string? replyParent = null;
        if (record.TryGetProperty("reply", out var reply) && reply.ValueKind == JsonValueKind.Object)
        {
            replyParent = RequiredString(reply, "parent", "uri", "reply.parent.uri");
        }

        var quoted = QuotedPost(record);
        var kind = replyParent is not null ? PostKind.Reply : quoted is not null ? PostKind.Quote : PostKind.Post;
        output.Add(new PostRecord(Network.Bluesky, uri, did, time, kind)
        {
            Text = OptionalString(record, "text"),
            Url = $"{ProfileUrl(did)}/post/{rkey}",
            Parent = replyParent ?? quoted,
            Raw = RawJson(record, PostModelled, cid),
        });

        if (replyParent is not null)
        {
            var parent = ParseAtUri(replyParent, "reply.parent.uri");
            Touch(parent.Did, output);
            output.Add(new ActionRecord(Network.Bluesky, uri, ActionKind.Reply, did, parent.Did, time) { Post = replyParent });
        }

        if (quoted is not null)
        {
            var author = ParseAtUri(quoted, "embed.record.uri").Did;
            Touch(author, output);
            output.Add(new ActionRecord(Network.Bluesky, replyParent is null ? uri : $"quote:{uri}", ActionKind.Quote, did, author, time) { Post = quoted });
        }

        foreach (var mentioned in Mentions(record))
        {
            Touch(mentioned, output);
            output.Add(new ActionRecord(Network.Bluesky, $"mention:{uri}:{mentioned}", ActionKind.Mention, did, mentioned, time));
        }
    }

    private void MapSubjectAction(string did, string uri, string? cid, string collection, JsonElement record, DateTimeOffset time, List<ImportRecord> output)
    {
        var subjectUri = RequiredString(record, "subject", "uri", "subject.uri");
        var subject = ParseAtUri(subjectUri, "subject.uri");
        Touch(did, output);
        Touch(subject.Did, output);
        var raw = RawJson(record, ActionModelled, cid);
        if (collection == Repost)
        {
            output.Add(new PostRecord(Network.Bluesky, uri, did, time, PostKind.Reshare) { Parent = subjectUri, Raw = raw });
        }

        output.Add(new ActionRecord(Network.Bluesky, uri, collection == Like ? ActionKind.Like : ActionKind.Reshare, did, subject.Did, time)
        {
            Post = subjectUri,
            Raw = raw,
        });
    }

    /// <summary>The post a post quotes: embed.record, or the record half of embed.recordWithMedia. Quotes of lists or feeds are not quotes of a post.</summary>
    private static string? QuotedPost(JsonElement record)
    {
        if (!record.TryGetProperty("embed", out var embed) || embed.ValueKind != JsonValueKind.Object
            || !embed.TryGetProperty("$type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var strongRef = type.GetString() switch
        {
            "app.bsky.embed.record" => Child(embed, "record"),
            "app.bsky.embed.recordWithMedia" => Child(Child(embed, "record"), "record"),
            _ => null,
        };
        if (strongRef is not { } r)
        {
            return null;
        }

        var uri = RequiredString(r, "uri", null, "embed.record.uri");
        return AtUri.TryParse(uri, out var parsed) && parsed.Collection == Post ? uri : null;
    }

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var c) && c.ValueKind == JsonValueKind.Object ? c : null;

    /// <summary>The DIDs of mention facets, each once. Malformed facets are left to the raw JSON rather than failing the post.</summary>
    private static List<string> Mentions(JsonElement record)
    {
        var result = new List<string>();
        if (!record.TryGetProperty("facets", out var facets) || facets.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var facet in facets.EnumerateArray())
        {
            if (facet.ValueKind != JsonValueKind.Object || !facet.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var feature in features.EnumerateArray())
            {
                if (feature.ValueKind == JsonValueKind.Object
                    && feature.TryGetProperty("$type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "app.bsky.richtext.facet#mention"
                    && feature.TryGetProperty("did", out var d) && d.ValueKind == JsonValueKind.String
                    && d.GetString() is { } did && did.StartsWith("did:", StringComparison.Ordinal) && !result.Contains(did))
                {
                    result.Add(did);
                }
            }
        }

        return result;
    }

    private static DateTimeOffset Time(JsonElement record, string rkey, DateTimeOffset? eventTime)
    {
        if (eventTime is { } t)
        {
            return t;
        }

        var text = OptionalString(record, "createdAt");
        return ParseTime(text) ?? Tid.TryGetTime(rkey)
            ?? throw new BlueskyFieldException("createdAt", text is null
                ? "is missing and the record key is not a TID; expected an ISO 8601 time"
                : $"'{text}' is not a time and the record key is not a TID; expected ISO 8601 such as 2025-01-31T12:00:00.000Z");
    }

    private static AtUri ParseAtUri(string text, string field) =>
        AtUri.TryParse(text, out var uri)
            ? uri
            : throw new BlueskyFieldException(field, $"'{text}' is not an at:// URI with a DID authority; expected at://did:…/collection/rkey");

    private static string RequiredDid(JsonElement record, string name)
    {
        var value = RequiredString(record, name);
        return value.StartsWith("did:", StringComparison.Ordinal) ? value : throw new BlueskyFieldException(name, $"'{value}' is not a DID; expected did:…");
    }

    private static string RequiredString(JsonElement record, string name) => RequiredString(record, name, null, name);

    private static string RequiredString(JsonElement record, string name, string? child, string path)
    {
        if (!record.TryGetProperty(name, out var value))
        {
            throw new BlueskyFieldException(path, child is null ? "is missing; expected a string" : "is missing; expected an object with a uri");
        }

        if (child is not null)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new BlueskyFieldException(name, $"expected an object with {child}, found {value.ValueKind}");
            }

            if (!value.TryGetProperty(child, out value))
            {
                throw new BlueskyFieldException(path, "is missing; expected a string");
            }
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s
            : throw new BlueskyFieldException(path, $"expected a non-empty string, found {value.ValueKind}");
    }

    private static string? OptionalString(JsonElement record, string name) =>
        record.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The record's fields the domain does not model, with its CID, as compact JSON.</summary>
    private static string? RawJson(JsonElement record, string[] modelled, string? cid)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (cid is not null)
            {
                writer.WriteString("cid", cid);
            }

            foreach (var property in record.EnumerateObject())
            {
                if (Array.IndexOf(modelled, property.Name) < 0)
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.Length <= 2 ? null : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
