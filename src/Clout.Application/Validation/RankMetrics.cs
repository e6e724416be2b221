namespace Clout.Application.Validation;

/// <summary>
/// Rank agreement between a predictor and an outcome: Spearman's ρ with average ranks for ties, NDCG@k with the
/// outcome as gain, and precision@k against the true top k. Ties in the predictor are broken by index, which
/// callers keep in a canonical (hash) order so no predictor gains from how ties fall.
/// </summary>
public static class RankMetrics
{
    public static MetricSet All(IReadOnlyList<double> predicted, IReadOnlyList<double> actual, int k) =>
        new(Spearman(predicted, actual), Ndcg(predicted, actual, k), Precision(predicted, actual, k));

    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"predictor has {x.Count} values and outcome {y.Count}; expected the same number");
        }

        var rx = Ranks(x);
        var ry = Ranks(y);
        var n = rx.Length;
        if (n < 2)
        {
            return 0;
        }

        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += rx[i];
            my += ry[i];
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = rx[i] - mx;
            var dy = ry[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx <= 0 || syy <= 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Average ranks (1-based); equal values share the mean of the ranks they span.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
        var ranks = new double[n];
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && values[order[end + 1]].Equals(values[order[start]]))
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>Indexes by value, highest first; ties by index.</summary>
    public static int[] TopOrder(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = new int[values.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = values[b].CompareTo(values[a]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }

    public static double Ndcg(IReadOnlyList<double> predicted, IReadOnlyList<double> actual, int k)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var byPrediction = TopOrder(predicted);
        var ideal = TopOrder(actual);
        double dcg = 0, best = 0;
        for (var i = 0; i < Math.Min(k, byPrediction.Length); i++)
        {
            var discount = 1 / Math.Log2(i + 2);
            dcg += actual[byPrediction[i]] * discount;
            best += actual[ideal[i]] * discount;
        }

        return best <= 0 ? 0 : dcg / best;
    }

    /// <summary>Share of the predictor's top k that are in the outcome's top k (outcome ties at the boundary count as in).</summary>
    public static double Precision(IReadOnlyList<double> predicted, IReadOnlyList<double> actual, int k)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var byPrediction = TopOrder(predicted);
        var ideal = TopOrder(actual);
        var top = Math.Min(k, byPrediction.Length);
        if (top == 0)
        {
            return 0;
        }

        var threshold = actual[ideal[top - 1]];
        var hits = 0;
        for (var i = 0; i < top; i++)
        {
            var v = actual[byPrediction[i]];
            if (v > 0 && v >= threshold)
            {
                hits++;
            }
        }

        return hits / (double)top;
    }
}
