using Clout.Core.Domain;
using Clout.Engine.Model;
using Clout.Engine.Window;
using static Clout.Engine.Tests.Model.Scenario;

namespace Clout.Engine.Tests.Model;

public sealed class VersionThreeTests
{
    [Fact]
    public void Engagement_of_the_last_days_counts_more_than_the_same_engagement_a_month_ago()
    {
        var recent = Run(Engaged(daysBefore: 0), Algorithms.V3).ScoreOf("x:t");
        var monthAgo = Run(Engaged(daysBefore: 30), Algorithms.V3).ScoreOf("x:t");
        recent.ShouldBeGreaterThan(monthAgo);

        // v2 already prefers it through the 30-day half-life; v3's recent reach widens the gap.
        var v2Gap = Run(Engaged(daysBefore: 0), Algorithms.V2).ScoreOf("x:t") - Run(Engaged(daysBefore: 30), Algorithms.V2).ScoreOf("x:t");
        (recent - monthAgo).ShouldBeGreaterThan(v2Gap);
    }

    [Fact]
    public void Recent_reach_is_part_of_reach_so_the_explanation_still_adds_up()
    {
        var run = Run(Engaged(daysBefore: 0), Algorithms.V3);
        var t = Array.IndexOf(run.Input.SourceId, "t");
        double groups = 0;
        for (var g = 0; g < SignalGroups.Count; g++)
        {
            groups += run.Output.ReachByGroup[(t * SignalGroups.Count) + g];
        }

        groups.ShouldBe(run.Output.Reach[t], 1e-9);

        // Ten distinct engagers today: each counts once in 30-day reach and once more, nearly undecayed, in recent reach.
        var old = Run(Engaged(daysBefore: 0), Algorithms.V3 with { Version = "test", RecentReachWeight = 0 });
        run.Output.Reach[t].ShouldBeGreaterThan(1.9 * old.Output.Reach[Array.IndexOf(old.Input.SourceId, "t")]);
    }

    [Fact]
    public void A_quiet_account_loses_recent_reach_within_days_and_keeps_its_month()
    {
        var fresh = Run(Engaged(daysBefore: 0), Algorithms.V3);
        var weekOld = Run(Engaged(daysBefore: 7), Algorithms.V3);
        var plain = Run(Engaged(daysBefore: 7), Algorithms.V3 with { Version = "test", RecentReachWeight = 0 });
        var t = Array.IndexOf(weekOld.Input.SourceId, "t");

        // After a week at a one-day half-life, less than 1% of the recent term is left.
        (weekOld.Output.Reach[t] - plain.Output.Reach[t]).ShouldBeLessThan(0.01 * fresh.Output.Reach[Array.IndexOf(fresh.Input.SourceId, "t")]);
        weekOld.Output.Reach[t].ShouldBeGreaterThanOrEqualTo(plain.Output.Reach[t]);
    }

    [Fact]
    public void Network_impact_counts_only_above_twice_an_average_accounts()
    {
        var run = Run(Community(40, 9), Algorithms.V3);
        var below = 0;
        for (var a = 0; a < run.Input.Accounts; a++)
        {
            var impact = run.Output.NetworkImpact[a];
            run.Output.ValueParts(a)[2].ShouldBe(0.25 * Math.Log(1 + Math.Max(0, impact - 2)), 1e-12);
            below += impact is > 0 and <= 2 ? 1 : 0;
        }

        below.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Amplification_needs_posts_of_ones_own()
    {
        var window = Community(60, 4);
        window.Add(Account("silent"));
        for (var i = 0; i < 8; i++)
        {
            window.Add(Act($"m{i}", "silent", ActionKind.Mention, daysBefore: 2));
        }

        var v3 = Run(window, Algorithms.V3);
        var v2 = Run(window, Algorithms.V2);
        v3.Output.Amplification[Array.IndexOf(v3.Input.SourceId, "silent")].ShouldBe(0);
        v2.Output.Amplification[Array.IndexOf(v2.Input.SourceId, "silent")].ShouldBeGreaterThan(0);

        // Whoever posts keeps amplification.
        var poster = Array.IndexOf(v3.Input.SourceId, "m3");
        v3.Output.Amplification[poster].ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Versions_without_recent_reach_build_no_recent_weights()
    {
        Run(Community(20, 2), Algorithms.V1).Input.RowRecentWeight.ShouldBeEmpty();
        Run(Community(20, 2), Algorithms.V2).Input.RowRecentWeight.ShouldBeEmpty();
        var v3 = Run(Community(20, 2), Algorithms.V3).Input;
        v3.RowRecentWeight.Length.ShouldBe(v3.Rows);
    }

    [Fact]
    public void A_window_built_for_another_version_is_refused_with_the_reason()
    {
        var builder = new WindowBuilder(Algorithms.V2, Day);
        Community(20, 2).Feed(builder, false);
        var input = builder.Build();
        var error = Should.Throw<ArgumentException>(() => new ScoringModel(Algorithms.V3).Run(input));
        error.Message.ShouldContain("recent row weights");
        error.Message.ShouldContain("v3");
    }

    [Fact]
    public void Is_deterministic()
    {
        var a = Run(Engaged(daysBefore: 1), Algorithms.V3).Output.PersonScore;
        var b = Run(Engaged(daysBefore: 1), Algorithms.V3, reverse: true).Output.PersonScore;
        a.ShouldBe(b);
    }
}
