using System.Globalization;
using Clout.Core.Scoring;

namespace Clout.Engine.Explaining;

/// <summary>
/// Explains a score change as the difference of the two days' contributions, matched by account and signal,
/// so the items add up to the change. Items are sorted by size and described in plain words.
/// </summary>
public static class ChangeExplainer
{
    public static ScoreChanges Explain(ScoreSnapshot before, ScoreSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var items = new Dictionary<(string?, string?, string), (Contribution? Before, Contribution? After)>();
        foreach (var c in before.Explanation.Contributions)
        {
            items[Key(c)] = (c, null);
        }

        foreach (var c in after.Explanation.Contributions)
        {
            var key = Key(c);
            items[key] = items.TryGetValue(key, out var pair) ? (pair.Before, c) : (null, c);
        }

        var list = new List<ChangeItem>();
        double explained = 0;
        foreach (var (_, (b, a)) in items)
        {
            var points = (a?.Points ?? 0) - (b?.Points ?? 0);
            if (Math.Abs(points) < 1e-9)
            {
                continue;
            }

            var c = a ?? b!;
            explained += points;
            list.Add(new ChangeItem(c.Label, points, c.Signal, c.Network, c.Account, b?.Value ?? 0, a?.Value ?? 0, Describe(c, b, a, points)));
        }

        // Explanations of old days may have been dropped (retention): attribute the rest honestly.
        var rest = after.Score - before.Score - explained;
        if (Math.Abs(rest) >= 0.005)
        {
            list.Add(new ChangeItem("change not attributable (an older snapshot has no stored explanation)", rest, "unexplained", null, null, 0, 0, "details of the older day are no longer kept"));
        }

        list.Sort((x, y) => Math.Abs(y.Points).CompareTo(Math.Abs(x.Points)));
        return new ScoreChanges(after.Person, before.Day, after.Day, before.Score, after.Score, list);
    }

    private static (string?, string?, string) Key(Contribution c) => (c.Network?.ToString(), c.Account, c.Signal);

    private static string Describe(Contribution c, Contribution? before, Contribution? after, double points)
    {
        var sign = points >= 0 ? "+" : "−";
        var amount = Math.Abs(points).ToString("0.00", CultureInfo.InvariantCulture);
        if (before is null)
        {
            return $"{sign}{amount}: new signal: {c.Label}";
        }

        if (after is null)
        {
            return $"{sign}{amount}: {c.Label} went quiet";
        }

        var direction = after.Value > before.Value ? "rose" : after.Value < before.Value ? "fell" : "was unchanged while others moved";
        return $"{sign}{amount}: {c.Label} {direction} ({before.Value.ToString("0.##", CultureInfo.InvariantCulture)} → {after.Value.ToString("0.##", CultureInfo.InvariantCulture)})";
    }
}
