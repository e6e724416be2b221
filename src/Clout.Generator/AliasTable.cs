namespace Clout.Generator;

/// <summary>Vose's alias method: draws index i with probability weight[i] / Σ weight in O(1).</summary>
public sealed class AliasTable
{
    private readonly double[] probability;
    private readonly int[] alias;

    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        probability = new double[n];
        alias = new int[n];
        if (n == 0)
        {
            return;
        }

        double sum = 0;
        foreach (var w in weights)
        {
            sum += w;
        }

        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = sum > 0 ? weights[i] * n / sum : 1;
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }

        while (large.Count > 0)
        {
            probability[large.Pop()] = 1;
        }

        while (small.Count > 0)
        {
            probability[small.Pop()] = 1;
        }
    }

    public int Count => probability.Length;

    public int Sample(Rng rng)
    {
        var i = rng.Next(probability.Length);
        return rng.NextDouble() < probability[i] ? i : alias[i];
    }
}
