using System.Globalization;
using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Importers.Interchange;

/// <summary>Parses one interchange line. Every problem becomes an error naming the line and the field.</summary>
internal sealed class InterchangeParser(string source)
{
    private static readonly HashSet<string> AccountFields = ["type", "network", "id", "handle", "name", "created", "person", "bio", "url", "labels"];
    private static readonly HashSet<string> PostFields = ["type", "network", "id", "account", "time", "text", "kind", "parent", "url"];
    private static readonly HashSet<string> ActionFields = ["type", "network", "id", "kind", "actor", "target", "post", "time", "topic"];
    private static readonly HashSet<string> MetricFields = ["type", "network", "account", "date", "days", "followers", "following", "lists", "posts", "received", "sent"];

    public ImportError? PendingError { get; private set; }

    public void Fail(long line, string? field, string message) => PendingError = new ImportError(source, line, field, message);

    public ImportItem Parse(string text, long line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return Error(line, null, $"not valid JSON ({e.Message.Split(" LineNumber", 2)[0].TrimEnd('.')}); expected one JSON object per line");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(line, null, $"expected a JSON object, found {Describe(root.ValueKind)}");
            }

            try
            {
                var type = RequiredString(root, "type");
                return type switch
                {
                    "account" => ImportItem.Ok(ParseAccount(root)),
                    "post" => ImportItem.Ok(ParsePost(root)),
                    "action" => ImportItem.Ok(ParseAction(root)),
                    "metrics" => ImportItem.Ok(ParseMetrics(root)),
                    _ => throw new FieldException("type", $"unknown record type '{type}'; expected account, post, action or metrics"),
                };
            }
            catch (FieldException e)
            {
                return Error(line, e.Field, e.Message);
            }
        }
    }

    private ImportItem Error(long line, string? field, string message) => ImportItem.Fail(new ImportError(source, line, field, message));

    private static AccountRecord ParseAccount(JsonElement e) =>
        new(ParseNetwork(e), RequiredString(e, "id"))
        {
            Handle = OptionalString(e, "handle"),
            Name = OptionalString(e, "name"),
            Created = OptionalTime(e, "created"),
            Person = OptionalString(e, "person"),
            Bio = OptionalString(e, "bio"),
            Url = OptionalString(e, "url"),
            Labels = OptionalStrings(e, "labels"),
            Raw = Extra(e, AccountFields),
        };

    private static PostRecord ParsePost(JsonElement e)
    {
        var kindText = OptionalString(e, "kind") ?? "post";
        if (!KindNames.TryParsePost(kindText, out var kind))
        {
            throw new FieldException("kind", $"unknown post kind '{kindText}'; expected {KindNames.ExpectedPosts}");
        }

        return new PostRecord(ParseNetwork(e), RequiredString(e, "id"), RequiredString(e, "account"), RequiredTime(e, "time"), kind)
        {
            Text = OptionalString(e, "text"),
            Url = OptionalString(e, "url"),
            Parent = OptionalString(e, "parent"),
            Raw = Extra(e, PostFields),
        };
    }

    private static ActionRecord ParseAction(JsonElement e)
    {
        var kindText = RequiredString(e, "kind");
        if (!KindNames.TryParseAction(kindText, out var kind))
        {
            throw new FieldException("kind", $"unknown action kind '{kindText}'; expected {KindNames.ExpectedActions}");
        }

        var actor = RequiredString(e, "actor");
        var target = RequiredString(e, "target");
        var topic = OptionalString(e, "topic");
        if (kind == ActionKind.Endorse && string.IsNullOrWhiteSpace(topic))
        {
            throw new FieldException("topic", "an endorse action needs a topic");
        }

        return new ActionRecord(ParseNetwork(e), RequiredString(e, "id"), kind, actor, target, RequiredTime(e, "time"))
        {
            Post = OptionalString(e, "post"),
            Topic = topic,
            Raw = Extra(e, ActionFields),
        };
    }

    private static MetricsRecord ParseMetrics(JsonElement e)
    {
        var dateText = RequiredString(e, "date");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FieldException("date", $"'{dateText}' is not a date; expected YYYY-MM-DD");
        }

        var days = OptionalCount(e, "days") ?? 90;
        if (days is < 1 or > 3660)
        {
            throw new FieldException("days", $"{days} is out of range; expected a whole number of days from 1 to 3660");
        }

        return new MetricsRecord(ParseNetwork(e), RequiredString(e, "account"), date)
        {
            Days = (int)days,
            Followers = OptionalCount(e, "followers"),
            Following = OptionalCount(e, "following"),
            Lists = OptionalCount(e, "lists"),
            Posts = OptionalCount(e, "posts"),
            Received = Counts(e, "received"),
            Sent = Counts(e, "sent"),
            Raw = Extra(e, MetricFields),
        };
    }

    private static Network ParseNetwork(JsonElement e)
    {
        var text = RequiredString(e, "network");
        return NetworkNames.TryParse(text, out var network)
            ? network
            : throw new FieldException("network", $"unknown network '{text}'; expected one of {NetworkNames.Expected}");
    }

    private static string RequiredString(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            throw new FieldException(name, "is missing; expected a string");
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            throw new FieldException(name, $"expected a string, found {Describe(v.ValueKind)}");
        }

        var s = v.GetString()!;
        return s.Length == 0 ? throw new FieldException(name, "is empty; expected a non-empty string") : s;
    }

    private static string? OptionalString(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new FieldException(name, $"expected a string or null, found {Describe(v.ValueKind)}");
    }

    private static IReadOnlyList<string> OptionalStrings(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException(name, $"expected an array of strings, found {Describe(v.ValueKind)}");
        }

        var list = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new FieldException(name, $"expected an array of strings, found an element that is {Describe(item.ValueKind)}"));
        }

        return list;
    }

    private static DateTimeOffset RequiredTime(JsonElement e, string name) =>
        OptionalTime(e, name) ?? throw new FieldException(name, "is missing; expected an ISO 8601 time such as 2026-11-01T10:00:00Z");

    private static DateTimeOffset? OptionalTime(JsonElement e, string name)
    {
        var s = OptionalString(e, name);
        if (s is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new FieldException(name, $"'{s}' is not a time; expected ISO 8601 such as 2026-11-01T10:00:00Z");
    }

    private static long? OptionalCount(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n))
        {
            throw new FieldException(name, $"expected a whole number, found {(v.ValueKind == JsonValueKind.Number ? v.GetRawText() : Describe(v.ValueKind))}");
        }

        return n < 0 ? throw new FieldException(name, $"{n} is negative; expected a count of 0 or more") : n;
    }

    private static Dictionary<ActionKind, long> Counts(JsonElement e, string name)
    {
        var result = new Dictionary<ActionKind, long>();
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new FieldException(name, $"expected an object of action kinds to counts, found {Describe(v.ValueKind)}");
        }

        foreach (var p in v.EnumerateObject())
        {
            if (!KindNames.TryParseAction(p.Name, out var kind))
            {
                throw new FieldException($"{name}.{p.Name}", $"unknown action kind; expected {KindNames.ExpectedActions}");
            }

            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt64(out var n) || n < 0)
            {
                throw new FieldException($"{name}.{p.Name}", $"expected a count of 0 or more, found {p.Value.GetRawText()}");
            }

            result[kind] = n;
        }

        return result;
    }

    private static string? Extra(JsonElement e, HashSet<string> known)
    {
        List<JsonProperty>? extra = null;
        foreach (var p in e.EnumerateObject())
        {
            if (!known.Contains(p.Name))
            {
                (extra ??= []).Add(p);
            }
        }

        if (extra is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var p in extra)
            {
                p.WriteTo(w);
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
