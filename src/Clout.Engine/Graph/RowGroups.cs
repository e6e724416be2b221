namespace Clout.Engine.Graph;

/// <summary>
/// Rows grouped into the edges <see cref="CsrBuilder.Build"/> would make of them (by one end, the other end sorted,
/// parallel rows merged), kept so that several weight columns over the same rows become edge weights without sorting
/// the rows again. <see cref="Sum"/> adds a run's weights in ascending order, as <see cref="CsrBuilder.Build"/> does,
/// so the edge weights are bit for bit the same.
/// </summary>
public sealed class RowGroups
{
    private readonly int[] runStart;
    private readonly int[] rowAt;

    internal RowGroups(int vertices, long[] start, int[] other, int[] runStart, int[] rowAt)
    {
        Vertices = vertices;
        Start = start;
        Other = other;
        this.runStart = runStart;
        this.rowAt = rowAt;
    }

    public int Vertices { get; }

    /// <summary>Edges of vertex v: <c>Start[v]..Start[v+1]</c>.</summary>
    public long[] Start { get; }

    /// <summary>The other end of each edge, ascending within a vertex.</summary>
    public int[] Other { get; }

    public long Edges => Start[Vertices];

    /// <summary>The rows the groups were made of.</summary>
    public int Rows => rowAt.Length;

    /// <summary>One weight per edge: the sum of its rows' <paramref name="rowWeights"/>, in ascending order.</summary>
    public float[] Sum(float[] rowWeights)
    {
        ArgumentNullException.ThrowIfNull(rowWeights);
        if (rowWeights.Length != rowAt.Length)
        {
            throw new ArgumentException($"{rowWeights.Length} row weights for {rowAt.Length} rows; expected one per row", nameof(rowWeights));
        }

        var edges = Other.Length;
        var weight = new float[edges];
        Parallel.For(0, CsrBuilder.Partitions(edges), p =>
        {
            var (from, to) = CsrBuilder.Range(edges, p);
            float[] run = [];
            for (var e = from; e < to; e++)
            {
                var s = runStart[e];
                var len = runStart[e + 1] - s;
                if (len == 1)
                {
                    weight[e] = rowWeights[rowAt[s]];
                    continue;
                }

                if (run.Length < len)
                {
                    run = new float[Math.Max(len, 2 * run.Length)];
                }

                for (var i = 0; i < len; i++)
                {
                    run[i] = rowWeights[rowAt[s + i]];
                }

                Array.Sort(run, 0, len);
                var sum = run[0];
                for (var i = 1; i < len; i++)
                {
                    sum += run[i];
                }

                weight[e] = sum;
            }
        });
        return weight;
    }

    /// <summary>The graph of these edges with the summed <paramref name="rowWeights"/>.</summary>
    public CsrGraph Graph(float[] rowWeights) => new(Vertices, Start, Other, Sum(rowWeights));
}
