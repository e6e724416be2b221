using System.Globalization;
using System.Text;
using Clout.Core.Domain;

namespace Clout.Storage.Sqlite;

/// <summary>Counts by action kind, stored compactly as "kind:count,kind:count" with kind names.</summary>
internal static class MetricCounts
{
    public static string? Encode(IReadOnlyDictionary<ActionKind, long> counts)
    {
        if (counts.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        foreach (var kind in KindNames.AllActions)
        {
            if (counts.TryGetValue(kind, out var n))
            {
                sb.Append(sb.Length == 0 ? string.Empty : ",").Append(kind.Name()).Append(':').Append(n.ToString(CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>Fills <paramref name="into"/> (indexed by kind) with the counts; kinds not present stay -1.</summary>
    public static void Decode(string? text, Span<long> into)
    {
        into.Fill(-1);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var part in text.Split(','))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && KindNames.TryParseAction(part[..colon], out var kind) && long.TryParse(part.AsSpan(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                into[(int)kind] = n;
            }
        }
    }

    public static Dictionary<ActionKind, long> ToDictionary(string? text)
    {
        Span<long> values = stackalloc long[KindNames.AllActions.Count];
        Decode(text, values);
        var result = new Dictionary<ActionKind, long>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] >= 0)
            {
                result[(ActionKind)i] = values[i];
            }
        }

        return result;
    }
}
