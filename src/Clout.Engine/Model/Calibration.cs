namespace Clout.Engine.Model;

/// <summary>
/// The fixed map from influence value to the 1–100 score: <c>1 + 99 · v^γ / (v^γ + m^γ)</c>. Concave in log
/// value, so each point is harder to earn than the last. The constants belong to an algorithm version and are
/// never refitted in place: a person's score cannot move because a calibration was refitted.
/// </summary>
public static class Calibration
{
    public static double Score(double value, double midpoint, double exponent)
    {
        if (value <= 0)
        {
            return 1;
        }

        var a = Math.Pow(value / midpoint, exponent);
        return 1 + (99 * a / (1 + a));
    }

    /// <summary>
    /// Finds (midpoint, exponent) so that the scores of <paramref name="values"/> have the given mean and 95th
    /// percentile: used once, when a version is created, on the generator's realistic population.
    /// </summary>
    public static (double Midpoint, double Exponent) Fit(IReadOnlyList<double> values, double targetMean = 40, double targetP95 = 63)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        var positive = sorted.Where(v => v > 0).ToArray();
        if (positive.Length == 0)
        {
            return (1, 1);
        }

        var best = (Midpoint: 1.0, Exponent: 1.0, Error: double.MaxValue);
        for (var exponent = 0.10; exponent <= 2.0; exponent += 0.01)
        {
            // For a fixed exponent the mean falls as the midpoint rises: bisect on log(midpoint) for the mean.
            double lo = Math.Log(positive[0]) - 10, hi = Math.Log(positive[^1]) + 10;
            for (var i = 0; i < 60; i++)
            {
                var mid = (lo + hi) / 2;
                if (Mean(sorted, Math.Exp(mid), exponent) > targetMean)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            var midpoint = Math.Exp((lo + hi) / 2);
            var p95 = Score(sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(0.95 * sorted.Length))], midpoint, exponent);
            var error = Math.Abs(p95 - targetP95) + Math.Abs(Mean(sorted, midpoint, exponent) - targetMean);
            if (error < best.Error)
            {
                best = (midpoint, exponent, error);
            }
        }

        return (best.Midpoint, best.Exponent);
    }

    private static double Mean(double[] sorted, double midpoint, double exponent)
    {
        double sum = 0;
        foreach (var v in sorted)
        {
            sum += Score(v, midpoint, exponent);
        }

        return sum / sorted.Length;
    }
}
