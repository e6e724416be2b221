using System.Diagnostics;
using Clout.Application.Progress;
using Clout.Engine.Graph.EdgeLists;
using Clout.Engine.Ranking;

namespace Clout.Application.Ranking;

/// <summary>
/// <c>clout rank</c>: Clout's propagation kernel on any edge list. Reads the file (text or binary), builds the
/// in-edge CSR, runs PageRank, and reports phase timings, the top nodes by their file ids, and the peak memory.
/// </summary>
public static class GraphRanking
{
    /// <param name="phase">Each phase as it starts, with the unit and total (0 when unknown) of what <paramref name="progress"/> then counts.</param>
    public static RankReport Run(RankRequest request, IProgress<WorkPhase>? phase = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var watch = Stopwatch.StartNew();
        var file = new FileInfo(request.EdgesPath);
        phase?.Report(new WorkPhase($"reading {request.EdgesPath}", "bytes", file.Exists ? file.Length : 0));
        var edges = EdgeListFile.Read(request.EdgesPath, request.Weighted, request.Threads, progress, cancellationToken);
        var count = edges.Count;
        var load = watch.Elapsed.TotalSeconds;
        progress?.Report(0);

        watch.Restart();
        phase?.Report(new WorkPhase($"building the graph of {count:N0} edges", "edges", 0));
        var graph = EdgeListGraph.Build(edges, request.DegreeOrder, request.Threads);
        var build = watch.Elapsed.TotalSeconds;
        cancellationToken.ThrowIfCancellationRequested();

        watch.Restart();
        phase?.Report(new WorkPhase($"ranking {graph.InEdges.Vertices:N0} nodes (edges visited)", "edges", 0));
        var options = new PageRankOptions { Damping = request.Damping, Threads = request.Threads };
        PageRankResult result;
        using (var kernel = new PageRankKernel(graph.InEdges, graph.OutWeight, [], options))
        {
            var edgesPerStep = graph.InEdges.Edges;
            result = kernel.Run(
                request.Iterations ?? request.MaxIterations,
                request.Iterations is null ? request.Tolerance : 0,
                done =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(edgesPerStep * done);
                });
        }

        var rank = watch.Elapsed.TotalSeconds;
        var top = Top(result.Ranks, graph.OriginalIds, request.Top);
        using var process = Process.GetCurrentProcess();
        return new RankReport(graph.InEdges.Vertices, count, request.Weighted, load, build, rank, result.Iterations, result.LastDelta, top, process.PeakWorkingSet64)
        {
            Ranks = result.Ranks,
            NodeIds = graph.OriginalIds,
        };
    }

    /// <summary>Writes every node's rank as "id rank" lines, highest first.</summary>
    public static void WriteRanks(string path, RankReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ranks = report.Ranks;
        var ids = report.NodeIds;
        var order = new int[ranks.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => ranks[b] != ranks[a] ? ranks[b].CompareTo(ranks[a]) : ids[a].CompareTo(ids[b]));
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 20);
        foreach (var v in order)
        {
            writer.Write(ids[v]);
            writer.Write(' ');
            writer.WriteLine(ranks[v].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static List<RankedNode> Top(float[] ranks, long[] ids, int k)
    {
        // A small sorted buffer: k is 10, the ranks are millions.
        var best = new List<int>(k + 1);
        for (var v = 0; v < ranks.Length; v++)
        {
            if (best.Count == k && !Better(v, best[^1]))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Better(v, best[at - 1]))
            {
                at--;
            }

            best.Insert(at, v);
            if (best.Count > k)
            {
                best.RemoveAt(k);
            }
        }

        return best.ConvertAll(v => new RankedNode(ids[v], ranks[v]));

        bool Better(int a, int b) => ranks[a] > ranks[b] || (ranks[a] == ranks[b] && ids[a] < ids[b]);
    }

    private static void Validate(RankRequest request)
    {
        if (request.Damping is <= 0 or >= 1 || double.IsNaN(request.Damping))
        {
            throw new ArgumentException($"--damping {request.Damping} is out of range; expected a number between 0 and 1 (exclusive), such as 0.85");
        }

        if (request.Iterations is < 1)
        {
            throw new ArgumentException($"--iterations {request.Iterations} is out of range; expected at least 1");
        }

        if (request.Tolerance <= 0 || double.IsNaN(request.Tolerance))
        {
            throw new ArgumentException($"--tolerance {request.Tolerance} is out of range; expected a positive number such as 1e-6");
        }

        if (request.Threads < 1)
        {
            throw new ArgumentException($"--threads {request.Threads} is out of range; expected at least 1");
        }
    }
}
