namespace Clout.Engine.Graph.EdgeLists;

/// <summary>
/// Renumbers a file's node ids to 0..n-1 in ascending order of the original ids, so the numbering does not depend on
/// the order of lines or on how the file was split across threads. Dense id ranges use a lookup array; sparse ones
/// sort the distinct ids.
/// </summary>
public static class NodeIds
{
    public static void Compact(EdgeList edges, int threads)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Compacted)
        {
            return;
        }

        var count = edges.Count;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        var max = -1;
        for (var i = 0; i < count; i++)
        {
            max = Math.Max(max, Math.Max(edges.Source[i], edges.Target[i]));
        }

        // Wide ids (stored negative) come after every int-sized id, in ascending order.
        var wide = edges.WideIds;
        var wideOrder = Enumerable.Range(0, wide.Count).OrderBy(k => wide[k]).ToArray();
        long[] original;
        int[] map;
        int offset;
        if (max < 0 || (long)max + 1 <= Math.Max(1L << 24, 4L * count))
        {
            map = new int[max + 1];
            Parallel.For(0, Chunks(count), parallel, c =>
            {
                var (from, to) = Chunk(count, c);
                for (var i = from; i < to; i++)
                {
                    var s = edges.Source[i];
                    var t = edges.Target[i];
                    if (s >= 0)
                    {
                        map[s] = 1;
                    }

                    if (t >= 0)
                    {
                        map[t] = 1;
                    }
                }
            });

            var used = 0;
            for (var id = 0; id <= max; id++)
            {
                used += map[id];
            }

            original = new long[used + wide.Count];
            var next = 0;
            for (var id = 0; id <= max; id++)
            {
                if (map[id] != 0)
                {
                    original[next] = id;
                    map[id] = next++;
                }
            }

            offset = used;
            if (used == max + 1)
            {
                // Ids are already 0..n-1: nothing to renumber but the wide ones.
                map = [];
            }
        }
        else
        {
            var distinct = SortedDistinct(edges, count);
            offset = distinct.Length;
            original = new long[distinct.Length + wide.Count];
            var lookup = new Dictionary<int, int>(distinct.Length);
            for (var i = 0; i < distinct.Length; i++)
            {
                lookup[distinct[i]] = i;
                original[i] = distinct[i];
            }

            map = [];
            Parallel.For(0, Chunks(count), parallel, c =>
            {
                var (from, to) = Chunk(count, c);
                for (var i = from; i < to; i++)
                {
                    if (edges.Source[i] >= 0)
                    {
                        edges.Source[i] = lookup[edges.Source[i]];
                    }

                    if (edges.Target[i] >= 0)
                    {
                        edges.Target[i] = lookup[edges.Target[i]];
                    }
                }
            });
        }

        var wideRank = new int[wide.Count];
        for (var r = 0; r < wideOrder.Length; r++)
        {
            wideRank[wideOrder[r]] = offset + r;
            original[offset + r] = wide[wideOrder[r]];
        }

        if (map.Length == 0 && wide.Count == 0)
        {
            edges.SetCompacted(original);
            return;
        }

        Parallel.For(0, Chunks(count), parallel, c =>
        {
            var (from, to) = Chunk(count, c);
            for (var i = from; i < to; i++)
            {
                edges.Source[i] = Remap(edges.Source[i], map, wideRank);
                edges.Target[i] = Remap(edges.Target[i], map, wideRank);
            }
        });

        edges.SetCompacted(original);
    }

    private static int Remap(int id, int[] map, int[] wideRank) => id >= 0 ? (map.Length > 0 ? map[id] : id) : wideRank[-id - 1];

    private static int[] SortedDistinct(EdgeList edges, int count)
    {
        var all = new int[2L * count > Array.MaxLength ? Array.MaxLength : 2 * count];
        var n = 0;
        for (var i = 0; i < count && n < all.Length - 1; i++)
        {
            if (edges.Source[i] >= 0)
            {
                all[n++] = edges.Source[i];
            }

            if (edges.Target[i] >= 0)
            {
                all[n++] = edges.Target[i];
            }
        }

        Array.Sort(all, 0, n);
        var write = 0;
        for (var i = 0; i < n; i++)
        {
            if (write == 0 || all[write - 1] != all[i])
            {
                all[write++] = all[i];
            }
        }

        return all[..write];
    }

    internal static int Chunks(int count) => Math.Max(1, Math.Min(64, count / 65536 + 1));

    internal static (int From, int To) Chunk(int count, int chunk)
    {
        var parts = Chunks(count);
        return ((int)((long)count * chunk / parts), (int)((long)count * (chunk + 1) / parts));
    }
}
