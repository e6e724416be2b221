using Clout.Engine.Graph;
using Clout.Engine.Ranking;

namespace Clout.Engine.Tests.Ranking;

public class PageRankTests
{
    [Fact]
    public void A_three_node_cycle_has_equal_ranks()
    {
        var g = CsrBuilder.Build(3, [1, 2, 0], [0, 1, 2], [1f, 1, 1]);
        var result = PageRank.Run(g, [1, 1, 1], [], new PageRankOptions());
        foreach (var r in result.Ranks)
        {
            r.ShouldBe(1f / 3, 1e-6);
        }
    }

    [Fact]
    public void A_star_ranks_its_centre_highest_with_the_hand_computed_value()
    {
        // Leaves 1..3 point at 0; 0 is dangling. With d = 0.85 and uniform teleport, by symmetry each leaf has x
        // and the centre c = 1 - 3x, where x = (0.15 + 0.85 c) / 4 (the centre's dangling mass is spread evenly).
        var g = CsrBuilder.Build(4, [0, 0, 0], [1, 2, 3], [1f, 1, 1]);
        var result = PageRank.Run(g, [0, 1, 1, 1], [], new PageRankOptions { Tolerance = 0, MaxIterations = 200 });
        var x = (0.15 + 0.85) / (4 + (3 * 0.85));
        result.Ranks[1].ShouldBe((float)x, 1e-6);
        result.Ranks[0].ShouldBe((float)(1 - (3 * x)), 1e-6);
    }

    [Fact]
    public void Matches_the_reference_implementation_on_a_random_weighted_graph_with_teleport()
    {
        var rng = new Random(12345);
        const int n = 500;
        var source = new List<int>();
        var target = new List<int>();
        var weight = new List<float>();
        for (var i = 0; i < 4000; i++)
        {
            source.Add(rng.Next(n));
            target.Add((int)Math.Min(n - 1, Math.Floor(n * Math.Pow(rng.NextDouble(), 3))));
            weight.Add((float)(0.1 + (rng.NextDouble() * 3)));
        }

        var g = CsrBuilder.Build(n, target.ToArray(), source.ToArray(), weight.ToArray());
        var outWeight = new double[n];
        for (var e = 0L; e < g.Edges; e++)
        {
            outWeight[g.Other[e]] += g.Weight[e];
        }

        var teleport = Enumerable.Range(0, n).Select(i => (i % 7) + 1.0).ToArray();
        var sum = teleport.Sum();
        for (var i = 0; i < n; i++)
        {
            teleport[i] /= sum;
        }

        var fast = PageRank.Run(g, outWeight, teleport, new PageRankOptions { Tolerance = 0, MaxIterations = 30 });
        var reference = PageRankReference.Run(n, PageRankReference.EdgesOf(g), teleport, 0.85, 30);

        var l1 = 0.0;
        for (var i = 0; i < n; i++)
        {
            l1 += Math.Abs(fast.Ranks[i] - reference[i]);
        }

        l1.ShouldBeLessThan(1e-5);
        fast.Ranks.Sum().ShouldBe(1f, 1e-4);
    }

    [Fact]
    public void Gives_bit_identical_ranks_for_any_thread_count()
    {
        var rng = new Random(7);
        const int n = 20_000;
        var source = Enumerable.Range(0, 100_000).Select(_ => rng.Next(n)).ToArray();
        var target = Enumerable.Range(0, 100_000).Select(_ => rng.Next(n)).ToArray();
        var weight = Enumerable.Range(0, 100_000).Select(_ => (float)rng.NextDouble()).ToArray();
        var g = CsrBuilder.Build(n, target, source, weight);
        var outWeight = new double[n];
        for (var e = 0L; e < g.Edges; e++)
        {
            outWeight[g.Other[e]] += g.Weight[e];
        }

        var one = PageRank.Run(g, outWeight, [], new PageRankOptions { Threads = 1, Tolerance = 0, MaxIterations = 20 });
        var many = PageRank.Run(g, outWeight, [], new PageRankOptions { Threads = 4, Tolerance = 0, MaxIterations = 20 });

        many.Ranks.ShouldBe(one.Ranks);
    }
}
