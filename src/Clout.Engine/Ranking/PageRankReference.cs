using Clout.Engine.Graph;

namespace Clout.Engine.Ranking;

/// <summary>
/// The plain definition of <see cref="PageRank"/>, by push over an edge list in double precision: slow and
/// obviously right, kept to check the fast kernel against.
/// </summary>
public static class PageRankReference
{
    public static double[] Run(int n, IReadOnlyList<(int Source, int Target, double Weight)> edges, IReadOnlyList<double>? teleport, double damping, int iterations)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var tele = new double[n];
        for (var v = 0; v < n; v++)
        {
            tele[v] = teleport is null ? 1.0 / n : teleport[v];
        }

        var outWeight = new double[n];
        foreach (var (s, _, w) in edges)
        {
            outWeight[s] += w;
        }

        var x = (double[])tele.Clone();
        for (var it = 0; it < iterations; it++)
        {
            var next = new double[n];
            double dangling = 0;
            for (var v = 0; v < n; v++)
            {
                if (outWeight[v] == 0)
                {
                    dangling += x[v];
                }
            }

            foreach (var (s, t, w) in edges)
            {
                next[t] += damping * x[s] * w / outWeight[s];
            }

            for (var v = 0; v < n; v++)
            {
                next[v] += ((1 - damping) + (damping * dangling)) * tele[v];
            }

            x = next;
        }

        return x;
    }

    /// <summary>Edges of a CSR graph grouped by target, as (source, target, weight) triples.</summary>
    public static List<(int Source, int Target, double Weight)> EdgesOf(CsrGraph inEdges)
    {
        ArgumentNullException.ThrowIfNull(inEdges);
        var list = new List<(int, int, double)>();
        for (var v = 0; v < inEdges.Vertices; v++)
        {
            for (var e = inEdges.Start[v]; e < inEdges.Start[v + 1]; e++)
            {
                list.Add((inEdges.Other[e], v, inEdges.Weight[e]));
            }
        }

        return list;
    }
}
