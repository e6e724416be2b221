namespace Clout.Engine.Graph.EdgeLists;

/// <summary>
/// Builds the in-edge CSR of an edge list without per-edge objects: a counting sort by target whose per-chunk
/// cursors let both cores place edges at once, stable so the order within a vertex is the file's order. The target
/// column is overwritten with each edge's final position and then the source and weight columns are scattered one
/// at a time, each freed once placed, so the peak stays near three columns. Optionally renumbers vertices by
/// descending out-degree first, which packs the most-read ranks into the same cache lines.
/// </summary>
public static class EdgeListGraph
{
    public static PropagationGraph Build(EdgeList edges, bool degreeOrder, int threads)
    {
        ArgumentNullException.ThrowIfNull(edges);
        NodeIds.Compact(edges, threads);
        var n = edges.Nodes;
        var count = edges.Count;
        var original = edges.OriginalIds;
        var (source, target, weight) = edges.Release();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        // A stable counting sort places edges the same way however the work is split, so chunks follow threads.
        var chunks = Math.Max(1, Math.Min(parallel.MaxDegreeOfParallelism, count / 65536 + 1));

        if (degreeOrder && n > 0)
        {
            original = Renumber(source, target, count, n, original, parallel);
        }

        // Out-weights in file order, one thread, so the sums are the same for any thread count.
        var outWeight = new double[n];
        for (var i = 0; i < count; i++)
        {
            outWeight[source[i]] += weight is null ? 1 : weight[i];
        }

        // Counting sort by target: per-chunk counts give every chunk its own cursors.
        var perChunk = new int[chunks][];
        Parallel.For(0, chunks, parallel, c =>
        {
            var counts = new int[n];
            var (from, to) = Chunk(count, chunks, c);
            for (var i = from; i < to; i++)
            {
                counts[target[i]]++;
            }

            perChunk[c] = counts;
        });

        var start = new long[n + 1];
        long at = 0;
        for (var v = 0; v < n; v++)
        {
            start[v] = at;
            for (var c = 0; c < chunks; c++)
            {
                var k = perChunk[c][v];
                perChunk[c][v] = (int)at;
                at += k;
            }
        }

        start[n] = at;
        Parallel.For(0, chunks, parallel, c =>
        {
            var cursor = perChunk[c];
            var (from, to) = Chunk(count, chunks, c);
            for (var i = from; i < to; i++)
            {
                target[i] = cursor[target[i]]++;
            }
        });
        Array.Clear(perChunk);
        var other = Scatter(ref source, target, count, chunks, parallel);
        float[] placed = [];
        if (weight is not null)
        {
            var weights = weight;
            weight = null;
            placed = Scatter(ref weights, target, count, chunks, parallel);
        }

        target = [];
        Collect();
        return new PropagationGraph(new CsrGraph(n, start, other, placed), outWeight, original);
    }

    /// <summary>Places each entry at its position, then lets go of the source column before the next one is made.</summary>
    private static T[] Scatter<T>(ref T[] column, int[] position, int count, int chunks, ParallelOptions parallel)
    {
        Collect();
        var placed = GC.AllocateUninitializedArray<T>(count);
        var input = column;
        Parallel.For(0, chunks, parallel, c =>
        {
            var (from, to) = Chunk(count, chunks, c);
            for (var i = from; i < to; i++)
            {
                placed[position[i]] = input[i];
            }
        });
        column = [];
        return placed;
    }

    /// <summary>Renumbers vertices by descending out-degree (ties by id) and returns the reordered file ids.</summary>
    private static long[] Renumber(int[] source, int[] target, int count, int n, long[] original, ParallelOptions parallel)
    {
        var degree = new int[n];
        for (var i = 0; i < count; i++)
        {
            degree[source[i]]++;
        }

        var maxDegree = 0;
        for (var v = 0; v < n; v++)
        {
            maxDegree = Math.Max(maxDegree, degree[v]);
        }

        // Counting sort of vertices by degree, highest first, stable by id.
        var slot = new int[maxDegree + 2];
        for (var v = 0; v < n; v++)
        {
            slot[maxDegree - degree[v] + 1]++;
        }

        for (var d = 1; d < slot.Length; d++)
        {
            slot[d] += slot[d - 1];
        }

        var newId = degree;
        var reordered = new long[n];
        for (var v = 0; v < n; v++)
        {
            var id = slot[maxDegree - degree[v]]++;
            reordered[id] = original[v];
            newId[v] = id;
        }

        Parallel.For(0, NodeIds.Chunks(count), parallel, c =>
        {
            var (from, to) = NodeIds.Chunk(count, c);
            for (var i = from; i < to; i++)
            {
                source[i] = newId[source[i]];
                target[i] = newId[target[i]];
            }
        });
        return reordered;
    }

    private static (int From, int To) Chunk(int count, int chunks, int chunk) =>
        ((int)((long)count * chunk / chunks), (int)((long)count * (chunk + 1) / chunks));

    private static void Collect() => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
}
