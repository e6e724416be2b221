using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Clout.Importers.Common;

/// <summary>
/// Field access for web API JSON (Reddit, YouTube, JSON Feed): counters that arrive as numbers or as strings,
/// Unix times, and compact copies of the fields the domain does not model.
/// </summary>
internal static class WebJson
{
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    /// <summary>Raw is stored, not embedded in HTML: keep non-ASCII text and '+' readable instead of \u escapes.</summary>
    public static readonly JsonWriterOptions RawWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions RawNodes = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static JsonElement? Object(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static JsonElement? Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v : null;

    /// <summary>A string property that must be there; <paramref name="path"/> names the object in the error.</summary>
    public static string RequiredString(JsonElement e, string name, string path)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            throw new WebFieldException($"{path}.{name}", "is missing; expected a string");
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            throw new WebFieldException($"{path}.{name}", $"expected a string, found {Describe(v.ValueKind)}");
        }

        var s = v.GetString()!;
        return s.Length == 0 ? throw new WebFieldException($"{path}.{name}", "is empty; expected a non-empty string") : s;
    }

    /// <summary>A whole number given as a JSON number or a decimal string (YouTube sends counters as strings).</summary>
    public static long? Count(JsonElement e, string name, string path)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number)
        {
            if (v.TryGetInt64(out var n))
            {
                return n;
            }

            if (v.TryGetDouble(out var d) && Math.Abs(d) < 9e15 && d == Math.Floor(d))
            {
                return (long)d;
            }
        }
        else if (v.ValueKind == JsonValueKind.String
            && long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        throw new WebFieldException($"{path}.{name}", $"expected a whole number, found {Show(v)}");
    }

    /// <summary>Seconds since the Unix epoch as a JSON number (Reddit writes them as floats such as 1410935671.0).</summary>
    public static DateTimeOffset? UnixTime(JsonElement e, string name, string path)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var seconds) && seconds is > -62135596800 and < 253402300799)
        {
            return DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(seconds * 1000));
        }

        throw new WebFieldException($"{path}.{name}", $"expected seconds since 1970 as a number, found {Show(v)}");
    }

    /// <summary>An ISO 8601 / RFC 3339 time string such as 2019-11-26T15:51:44.000Z.</summary>
    public static DateTimeOffset? IsoTime(JsonElement e, string name, string path)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t;
        }

        throw new WebFieldException($"{path}.{name}", $"expected an RFC 3339 time such as 2019-11-26T15:51:44Z, found {Show(v)}");
    }

    /// <summary>
    /// A compact JSON object with the properties of <paramref name="e"/> that are not in <paramref name="skip"/> and
    /// not null, plus <paramref name="extra"/> pairs; null when nothing is left.
    /// </summary>
    public static string? Compact(JsonElement e, IReadOnlySet<string> skip, params (string Name, string? Value)[] extra)
    {
        using var buffer = new MemoryStream();
        var any = false;
        using (var w = new Utf8JsonWriter(buffer, RawWriter))
        {
            w.WriteStartObject();
            foreach (var (name, value) in extra)
            {
                if (value is not null)
                {
                    w.WriteString(name, value);
                    any = true;
                }
            }

            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Value.ValueKind != JsonValueKind.Null && !skip.Contains(p.Name))
                    {
                        p.WriteTo(w);
                        any = true;
                    }
                }
            }

            w.WriteEndObject();
        }

        return any ? Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) : null;
    }

    /// <summary>A compact JSON object of the named values that are present (not null); null when none is.</summary>
    public static string? Pick(params (string Name, JsonElement? Value)[] values)
    {
        using var buffer = new MemoryStream();
        var any = false;
        using (var w = new Utf8JsonWriter(buffer, RawWriter))
        {
            w.WriteStartObject();
            foreach (var (name, value) in values)
            {
                if (value is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } v)
                {
                    w.WritePropertyName(name);
                    v.WriteTo(w);
                    any = true;
                }
            }

            w.WriteEndObject();
        }

        return any ? Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) : null;
    }

    /// <summary>A property's value whatever its type, or null.</summary>
    public static JsonElement? Value(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? v : null;

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Show(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"\"{Shorten(v.GetString()!)}\"",
        JsonValueKind.Number => v.GetRawText(),
        _ => Describe(v.ValueKind),
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "...");
}
