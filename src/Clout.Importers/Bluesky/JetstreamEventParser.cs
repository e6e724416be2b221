using System.Text;
using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Importers.Bluesky;

/// <summary>
/// Parses one Jetstream event line into records. Follow creates are remembered so that deleting one later in the
/// same stream becomes an unfollow; a delete whose create the stream never showed cannot name its target.
/// </summary>
internal sealed class JetstreamEventParser(string source)
{
    private readonly BlueskyRecordMapper mapper = new(person: null);
    private readonly Dictionary<string, string> followTargets = new(StringComparer.Ordinal);

    /// <summary>
    /// The <c>time_us</c> of the last event parsed when it was a positive whole number, even if the event itself
    /// failed to map (a live stream resumes from it); null otherwise.
    /// </summary>
    public long? TimeUs { get; private set; }

    /// <summary>Adds the event's records to <paramref name="output"/>, or returns the error that replaces them.</summary>
    public ImportError? Parse(string text, long line, List<ImportRecord> output)
    {
        TimeUs = null;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return new ImportError(source, line, null, $"not valid JSON ({e.Message.Split(" LineNumber", 2)[0].TrimEnd('.')}); expected one Jetstream event per line");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ImportError(source, line, null, $"expected a JSON object (a Jetstream event), found {root.ValueKind}");
            }

            if (root.TryGetProperty("time_us", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var us) && us > 0)
            {
                TimeUs = us;
            }

            try
            {
                var did = String(root, "did", "did");
                if (!did.StartsWith("did:", StringComparison.Ordinal))
                {
                    throw new BlueskyFieldException("did", $"'{did}' is not a DID; expected did:…");
                }

                var time = Time(root);
                var kind = String(root, "kind", "kind");
                switch (kind)
                {
                    case "commit":
                        Commit(did, time, Object(root, "commit", "commit"), output);
                        break;
                    case "identity":
                        Identity(did, Object(root, "identity", "identity"), output);
                        break;
                    case "account":
                        Account(did, Object(root, "account", "account"), output);
                        break;
                    default:
                        throw new BlueskyFieldException("kind", $"unknown event kind '{kind}'; expected commit, identity or account");
                }
            }
            catch (BlueskyFieldException e)
            {
                output.Clear();
                return new ImportError(source, line, e.Field, e.Message);
            }
        }

        return null;
    }

    private void Commit(string did, DateTimeOffset time, JsonElement commit, List<ImportRecord> output)
    {
        var operation = String(commit, "operation", "commit.operation");
        var collection = String(commit, "collection", "commit.collection");
        var rkey = String(commit, "rkey", "commit.rkey");
        var uri = AtUri.Of(did, collection, rkey);
        switch (operation)
        {
            case "create":
            case "update":
                if (!BlueskyRecordMapper.IsMapped(collection))
                {
                    return;
                }

                var record = Object(commit, "record", "commit.record");
                var cid = commit.TryGetProperty("cid", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                try
                {
                    mapper.Map(did, collection, rkey, cid, record, time, output);
                }
                catch (BlueskyFieldException e)
                {
                    throw new BlueskyFieldException($"commit.record.{e.Field}", e.Message);
                }

                if (collection == BlueskyRecordMapper.Follow && record.GetProperty("subject").GetString() is { } target)
                {
                    followTargets[uri] = target;
                }

                break;
            case "delete":
                if (collection == BlueskyRecordMapper.Follow && followTargets.Remove(uri, out var followed))
                {
                    output.Add(new ActionRecord(Network.Bluesky, $"unfollow:{uri}", ActionKind.Unfollow, did, followed, time) { Raw = Rev(commit) });
                }

                break;
            default:
                throw new BlueskyFieldException("commit.operation", $"unknown operation '{operation}'; expected create, update or delete");
        }
    }

    private void Identity(string did, JsonElement identity, List<ImportRecord> output)
    {
        if (identity.TryGetProperty("handle", out var handle) && handle.ValueKind == JsonValueKind.String && handle.GetString() is { Length: > 0 } h)
        {
            mapper.Account(new AccountRecord(Network.Bluesky, did) { Handle = h, Url = BlueskyRecordMapper.ProfileUrl(did) }, output);
        }
        else
        {
            mapper.Touch(did, output);
        }
    }

    private void Account(string did, JsonElement account, List<ImportRecord> output)
    {
        if (!account.TryGetProperty("active", out var active) || active.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new BlueskyFieldException("account.active", "is missing; expected true or false");
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("active", active.GetBoolean());
            if (account.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String)
            {
                writer.WriteString("status", status.GetString());
            }

            writer.WriteEndObject();
        }

        mapper.Account(
            new AccountRecord(Network.Bluesky, did)
            {
                Url = BlueskyRecordMapper.ProfileUrl(did),
                Raw = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length),
            },
            output);
    }

    private static string? Rev(JsonElement commit) =>
        commit.TryGetProperty("rev", out var rev) && rev.ValueKind == JsonValueKind.String ? $"{{\"rev\":{JsonSerializer.Serialize(rev.GetString())}}}" : null;

    private static DateTimeOffset Time(JsonElement root)
    {
        if (!root.TryGetProperty("time_us", out var t))
        {
            throw new BlueskyFieldException("time_us", "is missing; expected microseconds since 1970 as a whole number");
        }

        if (t.ValueKind != JsonValueKind.Number || !t.TryGetInt64(out var micros) || micros <= 0 || micros > 253_402_300_799_999_999)
        {
            throw new BlueskyFieldException("time_us", $"expected microseconds since 1970 as a positive whole number, found {t.GetRawText()}");
        }

        return DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
    }

    private static string String(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            throw new BlueskyFieldException(path, "is missing; expected a string");
        }

        return v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new BlueskyFieldException(path, $"expected a non-empty string, found {v.ValueKind}");
    }

    private static JsonElement Object(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            throw new BlueskyFieldException(path, "is missing; expected an object");
        }

        return v.ValueKind == JsonValueKind.Object ? v : throw new BlueskyFieldException(path, $"expected an object, found {v.ValueKind}");
    }
}
