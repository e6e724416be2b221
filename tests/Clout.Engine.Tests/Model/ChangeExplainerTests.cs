using Clout.Core.Scoring;
using Clout.Engine.Explaining;
using static Clout.Engine.Tests.Model.Scenario;

namespace Clout.Engine.Tests.Model;

public class ChangeExplainerTests
{
    [Fact]
    public void The_items_of_a_change_add_up_to_the_change()
    {
        var before = SnapshotBuilder.Build(Run(Community(80, 21)).Output, Day).People.Single(p => p.Person == "x:m4");
        var window = Community(80, 21);
        for (var i = 10; i < 25; i++)
        {
            window.Add(Act($"m{i}", "m4", Clout.Core.Domain.ActionKind.Reply, 0));
        }

        var after = SnapshotBuilder.Build(Run(window).Output, Day).People.Single(p => p.Person == "x:m4");
        var changes = ChangeExplainer.Explain(before, after);

        changes.Items.Sum(i => i.Points).ShouldBe(after.Score - before.Score, 1e-6);
        changes.Items[0].Description.ShouldStartWith("+");
    }

    [Fact]
    public void A_change_against_a_day_without_stored_details_is_reported_as_not_attributable()
    {
        var after = SnapshotBuilder.Build(Run(Community(40, 2)).Output, Day).People[0];
        var before = after with { Score = after.Score - 2, Explanation = new Explanation() };

        var changes = ChangeExplainer.Explain(before, after);

        changes.Items.Sum(i => i.Points).ShouldBe(2, 1e-6);
        changes.Items.ShouldContain(i => i.Signal == "unexplained");
    }
}
