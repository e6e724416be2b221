using Clout.Engine.Graph;

namespace Clout.Engine.Tests.Graph;

public class CsrBuilderTests
{
    [Fact]
    public void Groups_edges_by_vertex_sorted_and_merges_parallel_edges()
    {
        int[] target = [2, 0, 2, 1, 2];
        int[] source = [1, 2, 0, 0, 1];
        float[] weight = [1, 2, 3, 4, 5];

        var g = CsrBuilder.Build(3, target, source, weight);

        g.Edges.ShouldBe(4);
        g.Start.ShouldBe([0L, 1, 2, 4]);
        g.Other.ShouldBe([2, 0, 0, 1]);
        g.Weight.ShouldBe([2f, 4, 3, 6]);
    }

    [Fact]
    public void Transpose_groups_the_same_edges_by_the_other_end()
    {
        var g = CsrBuilder.Build(3, [2, 0, 2, 1], [1, 2, 0, 0], [1f, 2, 3, 4]);

        var t = CsrBuilder.Transpose(g);

        t.Edges.ShouldBe(g.Edges);
        t.Start.ShouldBe([0L, 2, 3, 4]);
        t.Other.ShouldBe([1, 2, 2, 0]);
        t.Weight.ShouldBe([4f, 3, 1, 2]);
    }

    [Fact]
    public void An_empty_graph_has_no_edges()
    {
        var g = CsrBuilder.Build(5, [], [], []);
        g.Edges.ShouldBe(0);
        g.Start.Length.ShouldBe(6);
    }
}
