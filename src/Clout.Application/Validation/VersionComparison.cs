using System.Globalization;
using System.Text;
using Clout.Core.Scoring;
using Clout.Core.Storage;

namespace Clout.Application.Validation;

/// <summary>
/// Compares two versions' snapshots of one day (docs/validation.md): what a reader should know before a new
/// version becomes the default. Snapshots come from a store (after <c>clout score --algorithm VERSION --shadow</c>)
/// or from an in-process run.
/// </summary>
public static class VersionComparison
{
    private static readonly string[] Parts = ["reach", "amplification", "network_impact", "audience"];

    public static async Task<VersionDiff> FromStoreAsync(ICloutStore store, string from, string to, DateOnly? day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var d = day ?? await store.GetLatestScoredDayAsync(to, cancellationToken)
            ?? throw new InvalidOperationException($"version {to} has no scores in {store.Location}; run clout score --algorithm {to} --shadow first");
        var a = await store.GetScoresAsync(d, from, cancellationToken);
        var b = await store.GetScoresAsync(d, to, cancellationToken);
        if (a.Count == 0 || b.Count == 0)
        {
            throw new InvalidOperationException($"{store.Location} has no scores for {(a.Count == 0 ? from : to)} on {d:yyyy-MM-dd}; score that day with both versions (clout score --day {d:yyyy-MM-dd} --algorithm VERSION --shadow)");
        }

        var left = new List<ScoreSnapshot>();
        var right = new List<ScoreSnapshot>();
        foreach (var person in a.Keys.Where(b.ContainsKey).Order(StringComparer.Ordinal))
        {
            if (await store.GetSnapshotAsync(person, d, from, cancellationToken) is { } x && await store.GetSnapshotAsync(person, d, to, cancellationToken) is { } y)
            {
                left.Add(x);
                right.Add(y);
            }
        }

        return Compare(from, to, d, left, right);
    }

    /// <summary>Compares snapshots of the same people (matched by person id; others are ignored).</summary>
    public static VersionDiff Compare(string from, string to, DateOnly day, IReadOnlyList<ScoreSnapshot> before, IReadOnlyList<ScoreSnapshot> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var byPerson = after.ToDictionary(s => s.Person, StringComparer.Ordinal);
        var abs = new List<double>();
        double signed = 0;
        int up = 0, down = 0;
        var partSum = Parts.ToDictionary(p => p, _ => 0.0);
        var partAbs = Parts.ToDictionary(p => p, _ => 0.0);
        var movers = new List<VersionMover>();
        foreach (var x in before)
        {
            if (!byPerson.TryGetValue(x.Person, out var y))
            {
                continue;
            }

            var change = y.Score - x.Score;
            abs.Add(Math.Abs(change));
            signed += change;
            up += change > 0.005 ? 1 : 0;
            down += change < -0.005 ? 1 : 0;
            double[] deltas = [y.Reach - x.Reach, y.Amplification - x.Amplification, y.NetworkImpact - x.NetworkImpact, y.Audience - x.Audience];
            var main = 0;
            for (var k = 0; k < Parts.Length; k++)
            {
                partSum[Parts[k]] += deltas[k];
                partAbs[Parts[k]] += Math.Abs(deltas[k]);
                main = Math.Abs(deltas[k]) > Math.Abs(deltas[main]) ? k : main;
            }

            movers.Add(new VersionMover(x.Person, x.Score, y.Score, Parts[main], deltas[main]));
        }

        var n = Math.Max(1, abs.Count);
        var totalAbs = partAbs.Values.Sum();
        return new VersionDiff(
            from,
            to,
            day,
            ChangeDistribution.Of(abs),
            signed / n,
            up,
            down,
            partSum.ToDictionary(p => p.Key, p => p.Value / n),
            partAbs.ToDictionary(p => p.Key, p => totalAbs > 0 ? p.Value / totalAbs : 0),
            movers.OrderByDescending(m => Math.Abs(m.ToScore - m.FromScore)).ThenBy(m => m.Person, StringComparer.Ordinal).Take(10).ToArray());
    }

    public static string Markdown(VersionDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## Version comparison: {diff.From} → {diff.To} on {diff.Day:yyyy-MM-dd}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{diff.Changes.Count:N0} people scored by both. Mean change {diff.MeanChange:+0.00;-0.00;0.00} points; {diff.Up:N0} go up, {diff.Down:N0} go down.\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Absolute change: median {diff.Changes.P50:F2}, p90 {diff.Changes.P90:F2}, p95 {diff.Changes.P95:F2}, p99 {diff.Changes.P99:F2}, max {diff.Changes.Max:F2}; {diff.Changes.UnderOnePoint:P1} move less than one point.\n\n");
        md.Append("| cause (sub-score) | mean change (points) | share of all sub-score movement |\n|---|---:|---:|\n");
        foreach (var (part, mean) in diff.MeanPartChange)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {part} | {mean:+0.00;-0.00;0.00} | {diff.ShareOfChange[part]:P0} |\n");
        }

        md.Append("\nLargest moves:\n\n| person | before | after | main cause |\n|---|---:|---:|---|\n");
        foreach (var m in diff.Movers)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {m.Person} | {m.FromScore:F2} | {m.ToScore:F2} | {m.MainCause} {m.MainCauseChange:+0.00;-0.00} |\n");
        }

        return md.ToString();
    }
}
