namespace Clout.Application.Validation;

/// <summary>The distribution of absolute score changes: how many, quantiles and the share under one point.</summary>
public sealed record ChangeDistribution(int Count, double Mean, double P50, double P90, double P95, double P99, double Max, double UnderOnePoint)
{
    public static ChangeDistribution Of(IReadOnlyList<double> absoluteChanges)
    {
        ArgumentNullException.ThrowIfNull(absoluteChanges);
        if (absoluteChanges.Count == 0)
        {
            return new ChangeDistribution(0, 0, 0, 0, 0, 0, 0, 1);
        }

        var sorted = absoluteChanges.Order().ToArray();
        double Q(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
        var under = sorted.Count(v => v < 1) / (double)sorted.Length;
        return new ChangeDistribution(sorted.Length, sorted.Average(), Q(0.5), Q(0.9), Q(0.95), Q(0.99), sorted[^1], under);
    }

    public override string ToString() =>
        $"n={Count:N0} mean {Mean:F3} p50 {P50:F3} p90 {P90:F3} p95 {P95:F3} p99 {P99:F3} max {Max:F2}; {UnderOnePoint:P1} under 1 point";
}
