using Clout.Tests;

namespace Clout.Importers.Tests;

public sealed class WebDetectionTests
{
    [Theory]
    [InlineData("fixtures/reddit-api/praw-cassettes", "reddit")]
    [InlineData("fixtures/reddit-api/praw-cassettes/TestSubredditListings.test_hot__01__GET_r_askreddit_hot.json", "reddit")]
    [InlineData("fixtures/youtube-api/python-youtube", "youtube")]
    [InlineData("fixtures/youtube-api/python-youtube/comment_threads_comment_threads_multi.json", "youtube")]
    [InlineData("fixtures/rss-atom/feed-rs", "feed")]
    [InlineData("fixtures/rss-atom/feed-rs/rss_1.0_biorxiv.xml", "feed")]
    [InlineData("fixtures/rss-atom/feed-rs/jsonfeed_elastic_1.1.json", "feed")]
    public void Exactly_one_registered_format_claims_each_web_fixture(string relative, string format) =>
        ImporterRegistry.Detect(SharedData.Require(relative)).Select(i => i.Format).ShouldBe([format]);

    [Fact]
    public void Exactly_one_registered_format_claims_a_wordpress_export() =>
        ImporterRegistry.Detect(Path.Combine(SharedData.RepositoryRoot, "tests", "Clout.Importers.Tests", "Feeds", "Samples", "wordpress-export.xml"))
            .Select(i => i.Format).ShouldBe(["wordpress"]);

    [Fact]
    public void The_web_formats_are_registered_by_name()
    {
        foreach (var name in new[] { "reddit", "youtube", "feed", "wordpress" })
        {
            ImporterRegistry.Find(name).ShouldNotBeNull().Format.ShouldBe(name);
        }
    }
}
