using Clout.Tests;

namespace Clout.Engine.Tests.Topics.Assignment;

public sealed class EgoTwitterHiddenHashtagTests
{
    [Fact]
    public void Hidden_hashtags_fall_in_assigned_topics_more_often_than_in_the_most_frequent_topics()
    {
        var path = SharedData.Require("ego-twitter/twitter.tar.gz");

        // CLOUT_EGO_EGOS=1000 runs the whole dataset (docs/validation.md); the default is a CI-sized subset.
        var egos = int.TryParse(Environment.GetEnvironmentVariable("CLOUT_EGO_EGOS"), out var n) ? n : 40;
        var hashtags = EgoTwitterHashtags.Read(path, egos);
        var result = HiddenHashtagEvaluation.Run(hashtags, minHashtags: 5, seed: 20261101);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"egos {egos}: accounts {result.Accounts}, with topics {result.AccountsWithTopics} ({result.TopicsPerAccount:0.00} topics each), " +
            $"hidden known hashtags {result.Hidden}, ours {result.Hits} ({result.HitRate:P1}), most-frequent baseline {result.BaselineHits} ({result.BaselineRate:P1})");
        result.Hidden.ShouldBeGreaterThan(100);
        result.HitRate.ShouldBeGreaterThan(result.BaselineRate);
    }
}
