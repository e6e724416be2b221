using System.Text.Json;

namespace Clout.Application.Sync;

/// <summary>
/// A connector's position, stored as a compact JSON object of strings (<c>{"min_id":"1170…"}</c>). Immutable: a
/// connector builds the next cursor with <see cref="With"/> and hands it over with the page it follows.
/// </summary>
public sealed class SyncCursor
{
    private readonly SortedDictionary<string, string> values;

    private SyncCursor(SortedDictionary<string, string> values) => this.values = values;

    public static SyncCursor Empty { get; } = new(new SortedDictionary<string, string>(StringComparer.Ordinal));

    public string? this[string key] => values.TryGetValue(key, out var v) ? v : null;

    /// <summary>Reads a stored cursor; <paramref name="source"/> names the source in the error for a damaged one.</summary>
    public static SyncCursor Parse(string? json, string source)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<Dictionary<string, string>>(json)
                ?? throw new JsonException("null");
            return new SyncCursor(new SortedDictionary<string, string>(parsed, StringComparer.Ordinal));
        }
        catch (JsonException e)
        {
            throw new SyncException($"source {source}: the stored cursor is not a JSON object of strings ({e.Message.Split(" Path:", 2)[0].TrimEnd('.')}); remove and add the source again to start over");
        }
    }

    /// <summary>A copy with <paramref name="key"/> set, or removed when <paramref name="value"/> is null.</summary>
    public SyncCursor With(string key, string? value)
    {
        var copy = new SortedDictionary<string, string>(values, StringComparer.Ordinal);
        if (value is null)
        {
            copy.Remove(key);
        }
        else
        {
            copy[key] = value;
        }

        return new SyncCursor(copy);
    }

    public string? ToJson() => values.Count == 0 ? null : JsonSerializer.Serialize(values);

    public override string ToString() => ToJson() ?? "{}";
}
