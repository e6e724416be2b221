using Clout.Core.Domain;
using Clout.Engine.Model;
using static Clout.Engine.Tests.Model.Scenario;

namespace Clout.Engine.Tests.Model;

public sealed class VersionTwoTests
{
    private static RecordWindow WithPod()
    {
        var window = Community(60, 4);
        for (var i = 0; i < 6; i++)
        {
            window.Add(Account($"pod{i}"));
        }

        for (var day = 1; day <= 10; day++)
        {
            for (var i = 0; i < 6; i++)
            {
                for (var j = 0; j < 6; j++)
                {
                    if (i != j)
                    {
                        window.Add(Act($"pod{i}", $"pod{j}", daysBefore: day));
                    }
                }
            }
        }

        return window;
    }

    [Fact]
    public void A_pod_cannot_vouch_for_its_own_members()
    {
        var window = WithPod();
        var ringAware = Run(window, Algorithms.V2);
        var ringBlind = Run(window, Algorithms.V2 with { Version = "test", StandingDiscountsRings = false });

        var member = Array.IndexOf(ringAware.Input.SourceId, "pod0");
        ringAware.Output.Standing[member].ShouldBeLessThan(ringBlind.Output.Standing[member]);
        ringAware.ScoreOf("x:pod0").ShouldBeLessThan(ringBlind.ScoreOf("x:pod0"));
    }

    [Fact]
    public void Network_impact_enters_as_a_logarithm()
    {
        var run = Run(Community(40, 9), Algorithms.V2);
        var a = Array.IndexOf(run.Input.SourceId, "m3");
        run.Output.ValueParts(a)[2].ShouldBe(0.5 * Math.Log(1 + run.Output.NetworkImpact[a]), 1e-12);
    }

    [Fact]
    public void Mentions_and_replies_weigh_as_much_as_reshares()
    {
        Algorithms.V2.KindWeight(ActionKind.Mention).ShouldBe(Algorithms.V2.KindWeight(ActionKind.Reshare));
        Algorithms.V2.KindWeight(ActionKind.Reply).ShouldBe(Algorithms.V2.KindWeight(ActionKind.Reshare));
    }

    [Fact]
    public void Distinct_actors_still_beat_repeated_actions_by_one_actor()
    {
        var many = Community(100, 3);
        var one = Community(100, 3);
        for (var i = 0; i < 10; i++)
        {
            many.Add(Act($"m{20 + i}", "m0", daysBefore: 2));
            one.Add(Act("m20", "m0", daysBefore: 2));
        }

        Run(many, Algorithms.V2).ScoreOf("x:m0").ShouldBeGreaterThan(Run(one, Algorithms.V2).ScoreOf("x:m0"));
    }

    [Fact]
    public void Is_deterministic()
    {
        var a = Run(WithPod(), Algorithms.V2).Output.PersonScore;
        var b = Run(WithPod(), Algorithms.V2, reverse: true).Output.PersonScore;
        a.ShouldBe(b);
    }
}
