using Clout.Application.Validation;

namespace Clout.Cli.Tests.Validation;

public sealed class RankMetricsTests
{
    [Fact]
    public void Spearman_is_one_for_the_same_order_and_minus_one_for_the_reverse()
    {
        RankMetrics.Spearman([1, 2, 3, 4], [10, 20, 30, 40]).ShouldBe(1, 1e-12);
        RankMetrics.Spearman([1, 2, 3, 4], [40, 30, 20, 10]).ShouldBe(-1, 1e-12);
    }

    [Fact]
    public void Spearman_gives_tied_values_their_average_rank()
    {
        RankMetrics.Ranks([5, 1, 5, 3]).ShouldBe([3.5, 1, 3.5, 2]);

        // Pearson on the average ranks: x ranks (1.5, 1.5, 3, 4), y ranks (1, 2, 3, 4).
        RankMetrics.Spearman([0, 0, 1, 2], [1, 2, 3, 4]).ShouldBe(0.9486833, 1e-6);
    }

    [Fact]
    public void Ndcg_is_one_for_the_ideal_order_and_lower_otherwise()
    {
        double[] actual = [3, 2, 1, 0];
        RankMetrics.Ndcg([4, 3, 2, 1], actual, 2).ShouldBe(1, 1e-12);
        RankMetrics.Ndcg([1, 2, 3, 4], actual, 2).ShouldBeLessThan(0.5);
    }

    [Fact]
    public void Precision_counts_the_predicted_top_k_that_are_in_the_true_top_k()
    {
        RankMetrics.Precision([4, 3, 2, 1], [0, 9, 8, 0], 2).ShouldBe(0.5);
        RankMetrics.Precision([1, 4, 3, 0], [0, 9, 8, 0], 2).ShouldBe(1);
    }
}
