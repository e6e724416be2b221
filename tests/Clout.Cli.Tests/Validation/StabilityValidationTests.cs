using Clout.Application.Validation;
using Clout.Core.Scoring;

namespace Clout.Cli.Tests.Validation;

public sealed class StabilityValidationTests
{
    [Fact]
    public async Task People_whose_activity_did_not_change_move_less_than_everyone()
    {
        var result = await StabilityValidation.RunAsync(new StabilityOptions { People = 400, Days = 40, WarmupDays = 30 }, null, TestContext.Current.CancellationToken);

        result.Everyone.Count.ShouldBeGreaterThan(1_000);
        result.Quiet.Count.ShouldBeGreaterThan(100);
        result.Quiet.P50.ShouldBeLessThanOrEqualTo(result.Everyone.P50);
        result.Quiet.P95.ShouldBeLessThan(2);
    }

    [Fact]
    public void A_version_compared_with_itself_changes_nothing()
    {
        var day = new DateOnly(2026, 11, 1);
        ScoreSnapshot[] snapshots = [new("p1", day, "v1", 40, "b") { Reach = 10 }, new("p2", day, "v1", 60, "b") { Reach = 20 }];
        var diff = VersionComparison.Compare("v1", "v1", day, snapshots, snapshots);
        diff.Changes.Count.ShouldBe(2);
        diff.Changes.Max.ShouldBe(0);
        diff.Up.ShouldBe(0);
        VersionComparison.Markdown(diff).ShouldContain("100.0% move less than one point");
    }

    [Fact]
    public void A_comparison_names_the_sub_score_that_moved()
    {
        var day = new DateOnly(2026, 11, 1);
        ScoreSnapshot[] before = [new("p1", day, "v1", 40, "b") { Reach = 10, NetworkImpact = 5 }];
        ScoreSnapshot[] after = [new("p1", day, "v2", 43, "b") { Reach = 10, NetworkImpact = 8 }];
        var diff = VersionComparison.Compare("v1", "v2", day, before, after);
        diff.MeanChange.ShouldBe(3, 1e-9);
        diff.Movers.ShouldHaveSingleItem().MainCause.ShouldBe("network_impact");
        diff.ShareOfChange["network_impact"].ShouldBe(1, 1e-9);
    }
}
