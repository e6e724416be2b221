using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Clout.Engine.Graph;

namespace Clout.Engine.Ranking;

/// <summary>
/// The propagation kernel: weighted, personalised PageRank by pull over in-edges in float32. Each step first turns
/// ranks into what each vertex sends per unit of weight (rank / out-weight), so the edge loop is one gather and one
/// multiply-add, with unit weights skipping the weight column. Work is cut into parts holding equal numbers of
/// edges, fixed by the graph alone, and per-part sums are reduced in part order, so results are bit-identical for
/// any thread count. All buffers are made up front: a step allocates nothing.
/// </summary>
public sealed class PageRankKernel : IDisposable
{
    private readonly int n;
    private readonly long[] start;
    private readonly int[] source;
    private readonly float[] weight;
    private readonly float[] invOut;
    private readonly float[]? tele;
    private readonly float uniform;
    private readonly float damping;
    private readonly int[] bound;
    private readonly double[] partialDelta;
    private readonly double[] partialDangling;
    private readonly WorkerGroup workers;
    private readonly Action<int> sendStep;
    private readonly Action<int> pullStep;
    private float[] x;
    private float[] next;
    private readonly float[] send;
    private float baseFactor;

    public PageRankKernel(CsrGraph inEdges, ReadOnlySpan<double> outWeight, ReadOnlySpan<double> teleport, PageRankOptions options)
    {
        ArgumentNullException.ThrowIfNull(inEdges);
        ArgumentNullException.ThrowIfNull(options);
        n = inEdges.Vertices;
        start = inEdges.Start;
        source = inEdges.Other;
        weight = inEdges.Weight;
        damping = (float)options.Damping;
        invOut = new float[n];
        for (var u = 0; u < n; u++)
        {
            invOut[u] = outWeight[u] > 0 ? (float)(1.0 / outWeight[u]) : 0f;
        }

        uniform = n == 0 ? 0 : 1f / n;
        if (!teleport.IsEmpty)
        {
            tele = new float[n];
            for (var v = 0; v < n; v++)
            {
                tele[v] = (float)teleport[v];
            }
        }

        x = new float[n];
        for (var v = 0; v < n; v++)
        {
            x[v] = Teleport(v);
        }

        next = new float[n];
        send = new float[n];
        bound = Partition(start, n);
        partialDelta = new double[bound.Length - 1];
        partialDangling = new double[bound.Length - 1];
        workers = new WorkerGroup(Math.Max(1, options.Threads));
        sendStep = Send;
        pullStep = Pull;
    }

    public float[] Ranks => x;

    public int Parts => bound.Length - 1;

    /// <summary>One step; returns the L1 change of the ranks.</summary>
    public double Step()
    {
        if (n == 0)
        {
            return 0;
        }

        workers.Run(sendStep, Parts);
        double dangling = 0;
        for (var p = 0; p < Parts; p++)
        {
            dangling += partialDangling[p];
        }

        baseFactor = (float)((1 - damping) + (damping * dangling));
        workers.Run(pullStep, Parts);
        double delta = 0;
        for (var p = 0; p < Parts; p++)
        {
            delta += partialDelta[p];
        }

        (x, next) = (next, x);
        return delta;
    }

    /// <summary>
    /// Steps until <paramref name="maxIterations"/> or until an iteration changes the ranks by less than
    /// <paramref name="tolerance"/> (L1; 0 runs every iteration). <paramref name="afterStep"/> receives the number of
    /// iterations done after each one (for progress and cancellation).
    /// </summary>
    public PageRankResult Run(int maxIterations, double tolerance, Action<int>? afterStep = null)
    {
        var iterations = 0;
        double delta = 0;
        while (iterations < maxIterations)
        {
            delta = Step();
            iterations++;
            afterStep?.Invoke(iterations);
            if (tolerance > 0 && delta < tolerance)
            {
                break;
            }
        }

        return new PageRankResult(x, iterations, delta);
    }

    public void Dispose() => workers.Dispose();

    private float Teleport(int v) => tele is null ? uniform : tele[v];

    private void Send(int part)
    {
        double dangling = 0;
        for (var u = bound[part]; u < bound[part + 1]; u++)
        {
            var inv = invOut[u];
            send[u] = x[u] * inv;
            if (inv == 0)
            {
                dangling += x[u];
            }
        }

        partialDangling[part] = dangling;
    }

    private void Pull(int part)
    {
        ref var y = ref MemoryMarshal.GetArrayDataReference(send);
        ref var src = ref MemoryMarshal.GetArrayDataReference(source);
        var unit = weight.Length == 0;
        ref var w = ref unit ? ref Unsafe.NullRef<float>() : ref MemoryMarshal.GetArrayDataReference(weight);
        double diff = 0;
        for (var v = bound[part]; v < bound[part + 1]; v++)
        {
            var e = (nint)start[v];
            var end = (nint)start[v + 1];
            double a = 0, b = 0;
            if (unit)
            {
                for (; e + 1 < end; e += 2)
                {
                    a += Unsafe.Add(ref y, Unsafe.Add(ref src, e));
                    b += Unsafe.Add(ref y, Unsafe.Add(ref src, e + 1));
                }

                if (e < end)
                {
                    a += Unsafe.Add(ref y, Unsafe.Add(ref src, e));
                }
            }
            else
            {
                for (; e + 1 < end; e += 2)
                {
                    a += Unsafe.Add(ref y, Unsafe.Add(ref src, e)) * Unsafe.Add(ref w, e);
                    b += Unsafe.Add(ref y, Unsafe.Add(ref src, e + 1)) * Unsafe.Add(ref w, e + 1);
                }

                if (e < end)
                {
                    a += Unsafe.Add(ref y, Unsafe.Add(ref src, e)) * Unsafe.Add(ref w, e);
                }
            }

            var value = (baseFactor * Teleport(v)) + (float)(damping * (a + b));
            diff += Math.Abs(value - x[v]);
            next[v] = value;
        }

        partialDelta[part] = diff;
    }

    /// <summary>Vertex ranges holding about equal numbers of in-edges (and at least a few vertices each).</summary>
    private static int[] Partition(long[] start, int n)
    {
        var edges = start[n];
        var parts = (int)Math.Clamp(Math.Max(edges, n) / 65_536, 1, 256);
        var bound = new int[parts + 1];
        for (var p = 1; p < parts; p++)
        {
            var goal = (edges * p / parts) + ((long)n * p / parts);
            var lo = bound[p - 1];
            var hi = n;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (start[mid] + mid < goal)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            bound[p] = lo;
        }

        bound[parts] = n;
        return bound;
    }
}
