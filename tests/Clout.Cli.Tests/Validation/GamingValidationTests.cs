using Clout.Application.Validation;

namespace Clout.Cli.Tests.Validation;

public sealed class GamingValidationTests
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    [InlineData("v3")]
    [InlineData("v4")]
    public async Task Bought_engagement_moves_a_score_less_than_a_tenth_of_genuine_engagement_and_is_flagged(string version)
    {
        var model = Engine.Model.Algorithms.Find(version).ShouldNotBeNull();
        var result = await GamingValidation.RunAsync(new GamingOptions { People = 2_000, Volumes = [20], TargetsPerLevel = 2, Model = model }, null, TestContext.Current.CancellationToken);

        foreach (var level in new[] { "low", "mid" })
        {
            var bought = result.Rows.Single(r => r.Level == level && r.Kind == "bought_engagement");
            var genuine = result.Rows.Single(r => r.Level == level && r.Kind == "genuine_engagement");
            genuine.MeanChange.ShouldBeGreaterThan(1);
            bought.Ratio.ShouldNotBeNull();
            bought.Ratio.Value.ShouldBeLessThan(0.1);
            bought.Flagged.ShouldBe(bought.Targets);

            var fake = result.Rows.Single(r => r.Level == level && r.Kind == "fake_followers");
            var follows = result.Rows.Single(r => r.Level == level && r.Kind == "genuine_follows");
            Math.Abs(fake.MeanChange).ShouldBeLessThan(follows.MeanChange);
            result.Rows.Single(r => r.Level == level && r.Kind == "aged_bots").Flagged.ShouldBe(bought.Targets);
            var pod = result.Rows.Single(r => r.Level == level && r.Kind == "pod");
            pod.MeanChange.ShouldBeLessThan(genuine.MeanChange);
        }
    }
}
