using Clout.Core.Domain;
using Clout.Engine.Model;
using Clout.Engine.Window;
using static Clout.Engine.Tests.Model.Scenario;

namespace Clout.Engine.Tests.Model;

public sealed class VersionFourTests
{
    private static double ReachOfT((ScoringInput Input, ModelOutput Output) run) =>
        run.Output.Reach[Array.IndexOf(run.Input.SourceId, "t")];

    [Fact]
    public void Engagers_of_the_last_hours_of_the_day_count_more_than_those_of_its_first_hours()
    {
        var evening = Run(Engaged(daysBefore: 0, hour: 23), Algorithms.V4);
        var morning = Run(Engaged(daysBefore: 0, hour: 1), Algorithms.V4);
        ReachOfT(evening).ShouldBeGreaterThan(ReachOfT(morning));

        // v3 sees days only: the same day is the same reach.
        ReachOfT(Run(Engaged(daysBefore: 0, hour: 23), Algorithms.V3)).ShouldBe(ReachOfT(Run(Engaged(daysBefore: 0, hour: 1), Algorithms.V3)), 1e-9);
    }

    [Fact]
    public void Late_reach_is_the_late_engagers_counted_again_at_a_two_hour_half_life_and_the_explanation_adds_up()
    {
        var run = Run(Engaged(daysBefore: 0, hour: 22), Algorithms.V4);
        var without = Run(Engaged(daysBefore: 0, hour: 22), Algorithms.V4 with { Version = "test", LateReachWeight = 0 });
        var t = Array.IndexOf(run.Input.SourceId, "t");

        // Two hours before the end of the day an action weighs a half: each engager adds 3 · q · (1 − e^(−0.5)) more.
        var added = ReachOfT(run) - ReachOfT(without);
        added.ShouldBeGreaterThan(0);
        var perEngager = 3 * (1 - Math.Exp(-0.5));
        added.ShouldBeLessThanOrEqualTo((10 * perEngager) + 1e-9);

        double groups = 0;
        for (var g = 0; g < SignalGroups.Count; g++)
        {
            groups += run.Output.ReachByGroup[(t * SignalGroups.Count) + g];
        }

        groups.ShouldBe(run.Output.Reach[t], 1e-9);
    }

    [Fact]
    public void Yesterdays_engagers_add_almost_no_late_reach()
    {
        var yesterday = Run(Engaged(daysBefore: 1, hour: 23), Algorithms.V4);
        var without = Run(Engaged(daysBefore: 1, hour: 23), Algorithms.V4 with { Version = "test", LateReachWeight = 0 });
        (ReachOfT(yesterday) - ReachOfT(without)).ShouldBeLessThan(0.01 * ReachOfT(without));
    }

    [Fact]
    public void Only_versions_with_late_reach_ask_the_store_for_single_actions()
    {
        new WindowBuilder(Algorithms.V3, Day).ActionDays.ShouldBe(0);
        new WindowBuilder(Algorithms.V4, Day).ActionDays.ShouldBe(1);
        new WindowBuilder(Algorithms.V4 with { Version = "test", LateHalfLifeHours = 6 }, Day).ActionDays.ShouldBe(3);

        Run(Community(20, 2), Algorithms.V3).Input.RowLateWeight.ShouldBeEmpty();
        var v4 = Run(Community(20, 2), Algorithms.V4).Input;
        v4.RowLateWeight.Length.ShouldBe(v4.Rows);
    }

    [Fact]
    public void Single_actions_outside_the_last_day_follows_and_self_engagement_add_no_rows()
    {
        var builder = new WindowBuilder(Algorithms.V4, Day);
        Engaged(daysBefore: 0, hour: 12).Feed(builder);
        var before = builder.RowsReceived;
        var end = new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1).ToUnixTimeSeconds();
        builder.IndexOf(1).ShouldBeGreaterThanOrEqualTo(0);
        builder.IndexOf(2).ShouldBeGreaterThanOrEqualTo(0);
        var rows = builder.Build().Rows;

        var again = new WindowBuilder(Algorithms.V4, Day);
        Engaged(daysBefore: 0, hour: 12).Feed(again);
        again.Action(1, 2, ActionKind.Follow, end - 60);
        again.Action(1, 1, ActionKind.Reshare, end - 60);
        again.Action(1, 2, ActionKind.Reshare, end + 60);
        again.Action(1, 2, ActionKind.Reshare, end - (2 * 86400));
        again.RowsReceived.ShouldBe(before + 4);
        again.Build().Rows.ShouldBe(rows);
    }

    [Fact]
    public void Network_impact_above_the_floor_weighs_an_eighth()
    {
        var run = Run(Community(40, 9), Algorithms.V4);
        for (var a = 0; a < run.Input.Accounts; a++)
        {
            run.Output.ValueParts(a)[2].ShouldBe(0.125 * Math.Log(1 + Math.Max(0, run.Output.NetworkImpact[a] - 2)), 1e-12);
        }
    }

    [Fact]
    public void Is_deterministic()
    {
        var a = Run(Engaged(daysBefore: 0, hour: 20), Algorithms.V4).Output.PersonScore;
        var b = Run(Engaged(daysBefore: 0, hour: 20), Algorithms.V4, reverse: true).Output.PersonScore;
        a.ShouldBe(b);
    }
}
