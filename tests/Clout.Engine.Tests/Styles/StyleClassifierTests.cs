using Clout.Engine.Styles;

namespace Clout.Engine.Tests.Styles;

public sealed class StyleClassifierTests
{
    [Theory]
    [InlineData(1.0, 1.0, 0.0, 0.0, "Specialist")]
    [InlineData(0.0, 0.0, 0.0, 0.0, "Observer")]
    [InlineData(1.0, 1.0, 1.0, 1.0, "Celebrity")]
    [InlineData(0.0, 0.0, 1.0, 1.0, "Curator")]
    [InlineData(1.0, 0.9, 0.4, 0.6, "Pundit")]
    [InlineData(0.3, 0.3, 0.3, 0.3, "Conversationalist")]
    public void Places_a_person_on_the_matrix_from_the_four_axes(double creating, double consistency, double breadth, double participation, string expected)
    {
        var style = StyleClassifier.Place(creating, consistency, breadth, participation);
        style.Name.ShouldBe(expected);
        style.Creating.ShouldBe(creating);
        style.Participation.ShouldBe(participation);
        style.Description.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void The_matrix_has_sixteen_distinct_styles_each_with_a_description()
    {
        InfluenceStyles.Names.Count.ShouldBe(16);
        InfluenceStyles.Names.Distinct().Count().ShouldBe(16);
        InfluenceStyles.Names.ShouldBe(["Curator", "Broadcaster", "Taste Maker", "Celebrity", "Syndicator", "Feeder", "Thought Leader", "Pundit", "Dabbler", "Conversationalist", "Socializer", "Networker", "Observer", "Explorer", "Activist", "Specialist"]);
    }
}
