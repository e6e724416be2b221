using Clout.Engine.Graph.EdgeLists;
using Clout.Engine.Ranking;

namespace Clout.Engine.Tests.Graph;

/// <summary>The edge-list build and the kernel on it, checked against the plain reference PageRank.</summary>
public sealed class EdgeListGraphTests : IDisposable
{
    private readonly EdgeListFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData(true, true, 1)]
    [InlineData(true, false, 1)]
    [InlineData(false, true, 1)]
    [InlineData(true, true, 1_000_003)]
    public void Ranks_agree_with_the_reference_within_1e_6(bool weighted, bool degreeOrder, long idScale)
    {
        var list = EdgeListFiles.Random(3_000, 40_000, 11, idScale);
        var path = files.Write("g.txt", EdgeListFiles.Text(list));

        var graph = EdgeListGraph.Build(EdgeListText.Read(path, weighted, threads: 2), degreeOrder, threads: 2);
        using var kernel = new PageRankKernel(graph.InEdges, graph.OutWeight, [], new PageRankOptions());
        var ranks = kernel.Run(50, 0).Ranks;

        var reference = Reference(list, weighted, 50);
        reference.Count.ShouldBe(graph.InEdges.Vertices);
        var sum = ranks.Sum(r => (double)r);
        var l1 = 0.0;
        for (var v = 0; v < ranks.Length; v++)
        {
            l1 += Math.Abs((ranks[v] / sum) - reference[graph.OriginalIds[v]]);
        }

        l1.ShouldBeLessThan(1e-6);
    }

    [Fact]
    public void Gives_the_same_graph_and_ranks_for_any_thread_count()
    {
        var path = files.Write("g.txt", EdgeListFiles.Text(EdgeListFiles.Random(2_000, 100_000, 13)));

        var one = EdgeListGraph.Build(EdgeListText.Read(path, true, threads: 1), degreeOrder: true, threads: 1);
        var many = EdgeListGraph.Build(EdgeListText.Read(path, true, threads: 5), degreeOrder: true, threads: 5);

        many.OriginalIds.ShouldBe(one.OriginalIds);
        many.OutWeight.ShouldBe(one.OutWeight);
        many.InEdges.Other.ShouldBe(one.InEdges.Other);
        many.InEdges.Weight.ShouldBe(one.InEdges.Weight);
        using var k1 = new PageRankKernel(one.InEdges, one.OutWeight, [], new PageRankOptions { Threads = 1 });
        using var k5 = new PageRankKernel(many.InEdges, many.OutWeight, [], new PageRankOptions { Threads = 5 });
        k5.Run(20, 0).Ranks.ShouldBe(k1.Run(20, 0).Ranks);
    }

    [Fact]
    public void Orders_vertices_by_descending_out_degree_then_id()
    {
        var path = files.Write("g.txt", "5 1\n5 2\n5 3\n9 1\n9 2\n1 5\n");

        var graph = EdgeListGraph.Build(EdgeListText.Read(path, false, threads: 1), degreeOrder: true, threads: 1);

        graph.OriginalIds.ShouldBe([5L, 9, 1, 2, 3]);
        graph.OutWeight.ShouldBe([3.0, 2, 1, 0, 0]);
        graph.InEdges.Weight.ShouldBeEmpty();
        graph.InEdges.Start.ShouldBe([0L, 1, 1, 3, 5, 6]);
    }

    [Fact]
    public void Keeps_parallel_edges_as_extra_weight()
    {
        var path = files.Write("g.txt", "1 2 1\n1 2 2\n2 1 1\n");

        var graph = EdgeListGraph.Build(EdgeListText.Read(path, true, threads: 1), degreeOrder: false, threads: 1);

        graph.OutWeight.ShouldBe([3.0, 1]);
        graph.InEdges.Edges.ShouldBe(3);
    }

    private static Dictionary<long, double> Reference(List<(long Source, long Target, float Weight)> list, bool weighted, int iterations)
    {
        var ids = list.SelectMany(e => new[] { e.Source, e.Target }).Distinct().Order().ToList();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var edges = list.Select(e => (index[e.Source], index[e.Target], weighted ? (double)e.Weight : 1.0)).ToList();
        var ranks = PageRankReference.Run(ids.Count, edges, null, 0.85, iterations);
        return ids.Select((id, i) => (id, ranks[i])).ToDictionary(x => x.id, x => x.Item2);
    }
}
