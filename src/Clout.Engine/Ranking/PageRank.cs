using Clout.Engine.Graph;

namespace Clout.Engine.Ranking;

/// <summary>
/// Weighted, personalised PageRank by pull over in-edges. Each source spreads its rank in proportion to its
/// out-weights; dangling mass and the (1 - d) part follow the teleport vector. Vertices are split into fixed
/// ranges across threads and partial sums are reduced in range order, so results are bit-identical for any
/// thread count. No allocation inside iterations.
/// </summary>
public static class PageRank
{
    /// <param name="inEdges">Edges grouped by target; <c>Other</c> = source, <c>Weight</c> = raw weight.</param>
    /// <param name="outWeight">Sum of raw out-weights of each vertex (0 for dangling vertices).</param>
    /// <param name="teleport">Teleport distribution (sums to 1), or null for uniform.</param>
    public static PageRankResult Run(CsrGraph inEdges, ReadOnlySpan<double> outWeight, ReadOnlySpan<double> teleport, PageRankOptions options)
    {
        ArgumentNullException.ThrowIfNull(inEdges);
        ArgumentNullException.ThrowIfNull(options);
        var n = inEdges.Vertices;
        if (n == 0)
        {
            return new PageRankResult([], 0, 0);
        }

        var tele = new float[n];
        if (teleport.IsEmpty)
        {
            Array.Fill(tele, 1f / n);
        }
        else
        {
            for (var v = 0; v < n; v++)
            {
                tele[v] = (float)teleport[v];
            }
        }

        // Transition weights w(u,v)/out(u) are precomputed once so the inner loop is one multiply-add per edge.
        var p = new float[inEdges.Edges];
        var invOut = new float[n];
        var dangling = new List<int>();
        for (var u = 0; u < n; u++)
        {
            if (outWeight[u] > 0)
            {
                invOut[u] = (float)(1.0 / outWeight[u]);
            }
            else
            {
                dangling.Add(u);
            }
        }

        var start = inEdges.Start;
        var src = inEdges.Other;
        var w = inEdges.Weight;
        var parts = CsrBuilder.Partitions(n);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads) };
        Parallel.For(0, parts, parallel, part =>
        {
            var (from, to) = CsrBuilder.Range(n, part);
            for (long e = start[from]; e < start[to]; e++)
            {
                p[e] = w[e] * invOut[src[e]];
            }
        });

        var x = new float[n];
        Array.Copy(tele, x, n);
        var next = new float[n];
        var partial = new double[parts];
        var danglingIndex = dangling.ToArray();
        var d = (float)options.Damping;
        var iterations = 0;
        double delta = 0;
        while (iterations < options.MaxIterations)
        {
            double danglingMass = 0;
            foreach (var u in danglingIndex)
            {
                danglingMass += x[u];
            }

            var baseFactor = (float)((1 - options.Damping) + (options.Damping * danglingMass));
            var current = x;
            var target = next;
            Parallel.For(0, parts, parallel, part =>
            {
                var (from, to) = CsrBuilder.Range(n, part);
                double diff = 0;
                for (var v = from; v < to; v++)
                {
                    float sum = 0;
                    var end = start[v + 1];
                    for (var e = start[v]; e < end; e++)
                    {
                        sum += current[src[e]] * p[e];
                    }

                    var value = (baseFactor * tele[v]) + (d * sum);
                    diff += Math.Abs(value - current[v]);
                    target[v] = value;
                }

                partial[part] = diff;
            });

            delta = 0;
            for (var i = 0; i < parts; i++)
            {
                delta += partial[i];
            }

            (x, next) = (next, x);
            iterations++;
            if (options.Tolerance > 0 && delta < options.Tolerance)
            {
                break;
            }
        }

        return new PageRankResult(x, iterations, delta);
    }
}
