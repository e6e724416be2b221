namespace Clout.Engine.Graph;

/// <summary>
/// Builds CSR graphs from edge columns by counting sort (no per-edge objects, O(V + E) plus a sort of each
/// vertex's small neighbour list), merging parallel edges by summing their weights.
/// </summary>
public static class CsrBuilder
{
    /// <summary>Groups edges by <paramref name="by"/> (e.g. targets for pull propagation), neighbours from <paramref name="other"/>.</summary>
    public static CsrGraph Build(int vertices, ReadOnlySpan<int> by, ReadOnlySpan<int> other, ReadOnlySpan<float> weight, bool mergeParallel = true)
    {
        var n = by.Length;
        var (start, cursor) = Counts(vertices, by);
        var outOther = new int[n];
        var outWeight = new float[n];
        for (var i = 0; i < n; i++)
        {
            var at = cursor[by[i]]++;
            outOther[at] = other[i];
            outWeight[at] = weight[i];
        }

        SortSegments(vertices, start, outOther, outWeight);
        return mergeParallel ? Merge(vertices, start, outOther, outWeight) : new CsrGraph(vertices, start, outOther, outWeight);
    }

    /// <summary>
    /// The edges <see cref="Build"/> would make of these rows, without weights: one sort of the rows for any number of
    /// weight columns (<see cref="RowGroups.Sum"/>).
    /// </summary>
    public static RowGroups GroupRows(int vertices, ReadOnlySpan<int> by, ReadOnlySpan<int> other)
    {
        var n = by.Length;
        var (start, cursor) = Counts(vertices, by);
        var sorted = new int[n];
        var rowAt = new int[n];
        for (var i = 0; i < n; i++)
        {
            var at = cursor[by[i]]++;
            sorted[at] = other[i];
            rowAt[at] = i;
        }

        Parallel.For(0, Partitions(vertices), p =>
        {
            var (from, to) = Range(vertices, p);
            for (var v = from; v < to; v++)
            {
                var s = (int)start[v];
                var len = (int)(start[v + 1] - start[v]);
                if (len > 1 && !IsSorted(sorted, s, len))
                {
                    Array.Sort(sorted, rowAt, s, len);
                }
            }
        });

        // A run of equal other ends is one edge; the sorted column is compacted in place to the edges' other ends.
        var edgeStart = new long[vertices + 1];
        var runStart = new int[n + 1];
        var edges = 0;
        for (var v = 0; v < vertices; v++)
        {
            edgeStart[v] = edges;
            for (var i = (int)start[v]; i < start[v + 1]; i++)
            {
                if (i == start[v] || sorted[i] != sorted[i - 1])
                {
                    runStart[edges] = i;
                    sorted[edges++] = sorted[i];
                }
            }
        }

        edgeStart[vertices] = edges;
        runStart[edges] = n;
        Array.Resize(ref sorted, edges);
        Array.Resize(ref runStart, edges + 1);
        return new RowGroups(vertices, edgeStart, sorted, runStart, rowAt);
    }

    /// <summary>Where each vertex's rows start in a counting sort by <paramref name="by"/>, and a write cursor per vertex.</summary>
    private static (long[] Start, long[] Cursor) Counts(int vertices, ReadOnlySpan<int> by)
    {
        var start = new long[vertices + 1];
        foreach (var v in by)
        {
            start[v + 1]++;
        }

        for (var v = 0; v < vertices; v++)
        {
            start[v + 1] += start[v];
        }

        var cursor = new long[vertices];
        Array.Copy(start, cursor, vertices);
        return (start, cursor);
    }

    /// <summary>The same edges grouped by the other end.</summary>
    public static CsrGraph Transpose(CsrGraph g)
    {
        var n = g.Edges;
        var by = new int[n];
        for (var v = 0; v < g.Vertices; v++)
        {
            for (var e = g.Start[v]; e < g.Start[v + 1]; e++)
            {
                by[e] = v;
            }
        }

        return Build(g.Vertices, g.Other, by, g.Weight, mergeParallel: false);
    }

    private static void SortSegments(int vertices, long[] start, int[] other, float[] weight)
    {
        Parallel.For(0, Partitions(vertices), p =>
        {
            var (from, to) = Range(vertices, p);
            for (var v = from; v < to; v++)
            {
                var s = (int)start[v];
                var len = (int)(start[v + 1] - start[v]);
                if (len > 1)
                {
                    if (!IsSorted(other, s, len))
                    {
                        Array.Sort(other, weight, s, len);
                    }

                    // Parallel edges are summed in weight order, so the sum does not depend on the order rows arrived in.
                    for (var i = s; i < s + len;)
                    {
                        var j = i + 1;
                        while (j < s + len && other[j] == other[i])
                        {
                            j++;
                        }

                        if (j - i > 1)
                        {
                            Array.Sort(weight, i, j - i);
                        }

                        i = j;
                    }
                }
            }
        });
    }

    private static bool IsSorted(int[] a, int s, int len)
    {
        for (var i = s + 1; i < s + len; i++)
        {
            if (a[i - 1] > a[i])
            {
                return false;
            }
        }

        return true;
    }

    private static CsrGraph Merge(int vertices, long[] start, int[] other, float[] weight)
    {
        var newStart = new long[vertices + 1];
        long write = 0;
        for (var v = 0; v < vertices; v++)
        {
            newStart[v] = write;
            var end = start[v + 1];
            for (var e = start[v]; e < end; e++)
            {
                if (write > newStart[v] && other[write - 1] == other[e])
                {
                    weight[write - 1] += weight[e];
                }
                else
                {
                    other[write] = other[e];
                    weight[write] = weight[e];
                    write++;
                }
            }
        }

        newStart[vertices] = write;
        if (write != other.Length)
        {
            Array.Resize(ref other, (int)write);
            Array.Resize(ref weight, (int)write);
        }

        return new CsrGraph(vertices, newStart, other, weight);
    }

    internal static int Partitions(int vertices) => Math.Max(1, Math.Min(Environment.ProcessorCount * 8, vertices / 4096 + 1));

    internal static (int From, int To) Range(int vertices, int partition)
    {
        var parts = Partitions(vertices);
        var from = (int)((long)vertices * partition / parts);
        var to = (int)((long)vertices * (partition + 1) / parts);
        return (from, to);
    }
}
