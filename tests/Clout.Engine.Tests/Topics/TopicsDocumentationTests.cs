using Clout.Engine.Topics;
using Clout.Tests;

namespace Clout.Engine.Tests.Topics;

public sealed class TopicsDocumentationTests
{
    [Fact]
    public void The_example_user_file_in_the_docs_loads()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "topics.md"));
        var start = doc.IndexOf("```jsonc", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "docs/topics.md should show an example user topics file in a ```jsonc block");
        start = doc.IndexOf('\n', start) + 1;
        var json = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var merged = TopicTaxonomy.Default.Merge(json, "docs/topics.md");

        merged.Count.ShouldBe(TopicTaxonomy.Default.Count + 3);
        merged.Get("rust").Keywords.ShouldContain("bevy engine");
        merged.ParentOf(merged.IndexOf("our-city-transit")).ShouldBe(merged.IndexOf("our-city"));
    }
}
