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

    [Theory]
    [InlineData(50, 2_000, 1)]
    [InlineData(3_000, 200_000, 2)]
    public void Grouped_rows_sum_any_weight_column_to_the_same_edges_and_bits_as_a_build(int vertices, int rows, int seed)
    {
        var random = new Random(seed);
        var by = new int[rows];
        var other = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            // Few distinct neighbours per vertex, so most edges merge several rows.
            by[i] = random.Next(vertices);
            other[i] = (by[i] + random.Next(12)) % vertices;
        }

        var groups = CsrBuilder.GroupRows(vertices, by, other);
        groups.Rows.ShouldBe(rows);
        for (var column = 0; column < 3; column++)
        {
            // Weights of any sign and zeros, whose float sums depend on the order they are added in.
            var weight = new float[rows];
            for (var i = 0; i < rows; i++)
            {
                weight[i] = column == 2 && i % 3 == 0 ? 0 : (float)((random.NextDouble() * 2) - 0.4) * MathF.Pow(10, random.Next(-3, 4));
            }

            var built = CsrBuilder.Build(vertices, by, other, weight);
            var graph = groups.Graph(weight);
            graph.Start.ShouldBe(built.Start);
            graph.Other.ShouldBe(built.Other);
            graph.Weight.Select(BitConverter.SingleToInt32Bits).ShouldBe(built.Weight.Select(BitConverter.SingleToInt32Bits));
        }

        Should.Throw<ArgumentException>(() => groups.Sum(new float[rows - 1])).Message.ShouldContain("expected one per row");
    }

    [Fact]
    public void An_empty_graph_has_no_edges()
    {
        var g = CsrBuilder.Build(5, [], [], []);
        g.Edges.ShouldBe(0);
        g.Start.Length.ShouldBe(6);
        var grouped = CsrBuilder.GroupRows(5, [], []).Graph([]);
        grouped.Edges.ShouldBe(0);
        grouped.Start.ShouldBe(g.Start);
    }
}
