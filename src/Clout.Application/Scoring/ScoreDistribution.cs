namespace Clout.Application.Scoring;

/// <summary>Summary of a set of scores: mean, percentiles and the share at 90 or above.</summary>
public sealed record ScoreDistribution(int Count, double Mean, double P50, double P95, double P99, double Max, double Share90)
{
    public static ScoreDistribution Of(IEnumerable<double> scores)
    {
        var sorted = scores.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new ScoreDistribution(0, 0, 0, 0, 0, 0, 0);
        }

        double At(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
        return new ScoreDistribution(sorted.Length, sorted.Average(), At(0.5), At(0.95), At(0.99), sorted[^1], sorted.Count(s => s >= 90) / (double)sorted.Length);
    }

    public override string ToString() =>
        $"n={Count:N0} mean={Mean:0.00} p50={P50:0.00} p95={P95:0.00} p99={P99:0.00} max={Max:0.00} 90+={Share90:P2}";
}
