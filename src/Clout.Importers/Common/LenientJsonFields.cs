using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Clout.Importers.Common;

/// <summary>
/// Field access for social exports, which write numbers as strings (Twitter archives) or as numbers (APIs)
/// and use null for absent values. Mistyped values throw <see cref="JsonFieldProblem"/> naming the field.
/// </summary>
internal static class LenientJsonFields
{
    /// <summary>A string value; numbers are returned as their text (ids). Null when missing or null.</summary>
    public static string? Str(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new JsonFieldProblem(name, $"expected a string, found {Describe(v.ValueKind)}"),
        };
    }

    /// <summary>Like <see cref="Str"/>, but a mistyped value gives a message instead of an exception (for iterators).</summary>
    public static string? TryStr(JsonElement e, string name, out string? problem)
    {
        try
        {
            problem = null;
            return Str(e, name);
        }
        catch (JsonFieldProblem p)
        {
            problem = p.Message;
            return null;
        }
    }

    public static string RequiredStr(JsonElement e, string name)
    {
        var s = Str(e, name);
        return string.IsNullOrEmpty(s) ? throw new JsonFieldProblem(name, "is missing; expected a non-empty string") : s;
    }

    /// <summary>An object-valued property, or null when missing or null.</summary>
    public static JsonElement? Obj(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Object ? v : throw new JsonFieldProblem(name, $"expected an object, found {Describe(v.ValueKind)}");
    }

    /// <summary>An array-valued property, or null when missing or null.</summary>
    public static JsonElement? Arr(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Array ? v : throw new JsonFieldProblem(name, $"expected an array, found {Describe(v.ValueKind)}");
    }

    /// <summary>A count written as a number or a numeric string; null when missing or null.</summary>
    public static long? Count(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        long n;
        var ok = v.ValueKind switch
        {
            JsonValueKind.Number => v.TryGetInt64(out n),
            JsonValueKind.String => long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n),
            _ => (n = 0) == 1,
        };
        if (!ok || n < 0)
        {
            throw new JsonFieldProblem(name, $"expected a count (a whole number of 0 or more), found {Shorten(v.GetRawText())}");
        }

        return n;
    }

    /// <summary>An ISO 8601 time; null when missing.</summary>
    public static DateTimeOffset? IsoTime(JsonElement e, string name)
    {
        var s = Str(e, name);
        if (s is null)
        {
            return null;
        }

        return TryIsoTime(s, out var t) ? t : throw new JsonFieldProblem(name, $"'{Shorten(s)}' is not a time; expected ISO 8601 such as 2022-11-08T03:07:14Z");
    }

    public static bool TryIsoTime(string s, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>The object as compact JSON without the named properties (those the domain models); null when nothing is left.</summary>
    public static string? RawExcept(JsonElement e, IReadOnlySet<string> mapped)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var any = false;
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (var p in e.EnumerateObject())
            {
                if (!mapped.Contains(p.Name))
                {
                    p.WriteTo(w);
                    any = true;
                }
            }

            w.WriteEndObject();
        }

        return any ? Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) : null;
    }

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

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
