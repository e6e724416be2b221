namespace Clout.Engine.Graph.EdgeLists;

/// <summary>
/// Makes the ids of an edge list dense enough to index arrays by. Ids already in a compact range are left as they
/// are; sparse ids and ids too wide for an int are renumbered 0..n-1 in ascending order of the original ids, so the
/// numbering does not depend on the order of lines or on how the file was split across threads.
/// </summary>
internal static class NodeIds
{
    /// <summary>Returns the size of the id range in use and the file id of each id (null: each id is its own file id).</summary>
    public static (int Space, long[]? Original) Densify(int[] source, int[] target, int count, IReadOnlyList<long> wide, int threads)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        var chunks = Chunks(count);
        var maxOf = new int[chunks];
        Parallel.For(0, chunks, parallel, c =>
        {
            var (from, to) = Chunk(count, c);
            var max = -1;
            for (var i = from; i < to; i++)
            {
                max = Math.Max(max, Math.Max(source[i], target[i]));
            }

            maxOf[c] = max;
        });
        var maxId = maxOf.Length == 0 ? -1 : maxOf.Max();
        if (wide.Count == 0 && (long)maxId + 1 <= Math.Max(1L << 24, 2L * count))
        {
            return (maxId + 1, null);
        }

        // Sparse or wide: number the distinct int-sized ids in order, then the wide ones (stored negative) after them.
        var distinct = SortedDistinct(source, target, count);
        var original = new long[distinct.Length + wide.Count];
        var lookup = new Dictionary<int, int>(distinct.Length);
        for (var i = 0; i < distinct.Length; i++)
        {
            lookup[distinct[i]] = i;
            original[i] = distinct[i];
        }

        var wideOrder = Enumerable.Range(0, wide.Count).OrderBy(k => wide[k]).ToArray();
        var wideId = new int[wide.Count];
        for (var r = 0; r < wideOrder.Length; r++)
        {
            wideId[wideOrder[r]] = distinct.Length + r;
            original[distinct.Length + r] = wide[wideOrder[r]];
        }

        Parallel.For(0, chunks, parallel, c =>
        {
            var (from, to) = Chunk(count, c);
            for (var i = from; i < to; i++)
            {
                source[i] = source[i] >= 0 ? lookup[source[i]] : wideId[-source[i] - 1];
                target[i] = target[i] >= 0 ? lookup[target[i]] : wideId[-target[i] - 1];
            }
        });
        return (original.Length, original);
    }

    private static int[] SortedDistinct(int[] source, int[] target, int count)
    {
        var all = new List<int>(Math.Min(count, 1 << 20));
        var seen = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            if (source[i] >= 0 && seen.Add(source[i]))
            {
                all.Add(source[i]);
            }

            if (target[i] >= 0 && seen.Add(target[i]))
            {
                all.Add(target[i]);
            }
        }

        all.Sort();
        return [.. all];
    }

    internal static int Chunks(int count) => Math.Max(1, Math.Min(64, count / 65536 + 1));

    internal static (int From, int To) Chunk(int count, int chunk)
    {
        var parts = Chunks(count);
        return ((int)((long)count * chunk / parts), (int)((long)count * (chunk + 1) / parts));
    }
}
