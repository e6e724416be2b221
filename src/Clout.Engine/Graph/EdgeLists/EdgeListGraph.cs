namespace Clout.Engine.Graph.EdgeLists;

/// <summary>
/// Builds the in-edge CSR of an edge list without per-edge objects, in two passes over the columns and two scatters.
/// Pass 1 counts each id's in- and out-degree and sums its out-weight, per half of the list. Vertices are then
/// numbered (by descending out-degree when asked, which packs the most-read ranks into the same cache lines; else in
/// id order), and pass 2 renumbers the sources and turns each target into the edge's slot of a stable counting sort
/// by target, each half with its own cursors. The sources and weights are then scattered to their slots one column at
/// a time, each freed once placed, so the peak stays near three columns. The halves are fixed, not one per thread, so
/// out-weight sums and the result are the same for any thread count.
/// </summary>
public static class EdgeListGraph
{
    private const int Halves = 2;

    public static PropagationGraph Build(EdgeList edges, bool degreeOrder, int threads)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var count = edges.Count;
        var (source, target, weight) = edges.Release();
        var (space, fileIds) = NodeIds.Densify(source, target, count, edges.WideIds, threads);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };

        // Pass 1: degrees and out-weights by id, per half; a source's count and sum share a cache line.
        var inDegree = new int[Halves][];
        var outs = new OutTotal[Halves][];
        Parallel.For(0, Halves, parallel, h =>
        {
            var ins = new int[space];
            var totals = new OutTotal[space];
            var (from, to) = Half(count, h);
            for (var i = from; i < to; i++)
            {
                ins[target[i]]++;
                ref var total = ref totals[source[i]];
                total.Count++;
                total.Sum += weight is null ? 1 : weight[i];
            }

            inDegree[h] = ins;
            outs[h] = totals;
        });

        var (newId, n) = Number(inDegree, outs, space, degreeOrder);
        var original = new long[n];
        var outWeight = new double[n];
        var start = new long[n + 1];
        for (var id = 0; id < space; id++)
        {
            var v = newId[id];
            if (v >= 0)
            {
                original[v] = fileIds is null ? id : fileIds[id];
                outWeight[v] = outs[0][id].Sum + outs[1][id].Sum;
                start[v + 1] = (long)inDegree[0][id] + inDegree[1][id];
            }
        }

        outs = null!;
        for (var v = 0; v < n; v++)
        {
            start[v + 1] += start[v];
        }

        // The cursors of each half, by id: the first slot of the id's target segment that half writes to.
        for (var id = 0; id < space; id++)
        {
            var v = newId[id];
            if (v >= 0)
            {
                var first = inDegree[0][id];
                inDegree[0][id] = (int)start[v];
                inDegree[1][id] = (int)start[v] + first;
            }
        }

        // Pass 2: sources renumbered, targets replaced by their slots.
        Parallel.For(0, Halves, parallel, h =>
        {
            var cursor = inDegree[h];
            var (from, to) = Half(count, h);
            for (var i = from; i < to; i++)
            {
                source[i] = newId[source[i]];
                target[i] = cursor[target[i]]++;
            }
        });
        inDegree = null!;

        var other = Scatter(ref source, target, count, parallel);
        float[] placed = [];
        if (weight is not null)
        {
            var weights = weight;
            weight = null;
            placed = Scatter(ref weights, target, count, parallel);
        }

        target = [];
        Collect();
        return new PropagationGraph(new CsrGraph(n, start, other, placed), outWeight, original);
    }

    /// <summary>Numbers the ids in use 0..n-1: by descending out-degree, then id; or by id. Unused ids get -1.</summary>
    private static (int[] NewId, int Count) Number(int[][] inDegree, OutTotal[][] outs, int space, bool degreeOrder)
    {
        var newId = new int[space];
        var n = 0;
        if (!degreeOrder)
        {
            for (var id = 0; id < space; id++)
            {
                newId[id] = Used(id) ? n++ : -1;
            }

            return (newId, n);
        }

        // Counting sort by out-degree, highest first, stable by id.
        var maxDegree = 0;
        for (var id = 0; id < space; id++)
        {
            maxDegree = Math.Max(maxDegree, Out(id));
        }

        var slot = new int[maxDegree + 2];
        for (var id = 0; id < space; id++)
        {
            if (Used(id))
            {
                slot[maxDegree - Out(id) + 1]++;
                n++;
            }
        }

        for (var d = 1; d < slot.Length; d++)
        {
            slot[d] += slot[d - 1];
        }

        for (var id = 0; id < space; id++)
        {
            newId[id] = Used(id) ? slot[maxDegree - Out(id)]++ : -1;
        }

        return (newId, n);

        int Out(int id) => outs[0][id].Count + outs[1][id].Count;

        bool Used(int id) => Out(id) > 0 || inDegree[0][id] > 0 || inDegree[1][id] > 0;
    }

    /// <summary>Places each entry at its slot, then lets go of the source column before the next one is made.</summary>
    private static T[] Scatter<T>(ref T[] column, int[] slot, int count, ParallelOptions parallel)
    {
        Collect();
        var placed = GC.AllocateUninitializedArray<T>(count);
        var input = column;
        Parallel.For(0, NodeIds.Chunks(count), parallel, c =>
        {
            var (from, to) = NodeIds.Chunk(count, c);
            for (var i = from; i < to; i++)
            {
                placed[slot[i]] = input[i];
            }
        });
        column = [];
        return placed;
    }

    private static (int From, int To) Half(int count, int half) =>
        ((int)((long)count * half / Halves), (int)((long)count * (half + 1) / Halves));

    private struct OutTotal
    {
        public double Sum;
        public int Count;
    }

    private static void Collect() => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
}
