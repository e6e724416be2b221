using System.Text;
using Clout.Engine.Topics;

namespace Clout.Engine.Tests.Topics;

public sealed class TopicFileMergeTests
{
    private const string UserFile = """
        {
          "version": 1,
          "topics": [
            // a new topic under a built-in one
            { "slug": "zig", "name": "Zig", "parent": "software-development",
              "hashtags": ["#ZigLang"], "keywords": ["zig compiler", "comptime"], "domains": ["ziglang.org"] },
            // extending a built-in topic
            { "slug": "rust", "keywords": ["bevy engine"], "domains": ["rustconf.com"] },
          ]
        }
        """;

    [Fact]
    public void Adds_a_new_topic_under_a_built_in_parent()
    {
        var merged = TopicTaxonomy.Default.Merge(UserFile, "my-topics.json");

        merged.Count.ShouldBe(TopicTaxonomy.Default.Count + 1);
        var zig = merged.Get("zig");
        zig.Name.ShouldBe("Zig");
        zig.Parent.ShouldBe("software-development");
        zig.Id.ShouldBe(Topic.IdFor("zig"));
        zig.Hashtags.ShouldBe(["ziglang"]);
        merged.PathToRoot(merged.IndexOf("zig")).Select(i => merged[i].Slug).ShouldBe(["zig", "software-development", "technology"]);
        merged.ChildrenOf(merged.IndexOf("software-development")).ToArray().ShouldContain(merged.IndexOf("zig"));
    }

    [Fact]
    public void Extends_a_built_in_topic_without_changing_its_id_or_index()
    {
        var merged = TopicTaxonomy.Default.Merge(UserFile, "my-topics.json");

        var before = TopicTaxonomy.Default.Get("rust");
        var after = merged.Get("rust");
        after.Id.ShouldBe(before.Id);
        after.Name.ShouldBe(before.Name);
        after.Parent.ShouldBe(before.Parent);
        after.Keywords.ShouldBe([.. before.Keywords, "bevy engine"]);
        after.Domains.ShouldBe([.. before.Domains, "rustconf.com"]);
        merged.IndexOf("rust").ShouldBe(TopicTaxonomy.Default.IndexOf("rust"));
    }

    [Fact]
    public void Merging_leaves_the_shipped_taxonomy_unchanged()
    {
        var count = TopicTaxonomy.Default.Count;
        var keywords = TopicTaxonomy.Default.Get("rust").Keywords.Count;

        _ = TopicTaxonomy.Default.Merge(UserFile, "my-topics.json");

        TopicTaxonomy.Default.Count.ShouldBe(count);
        TopicTaxonomy.Default.Get("rust").Keywords.Count.ShouldBe(keywords);
    }

    [Fact]
    public void A_user_file_can_rename_a_topic_and_add_a_new_root_with_children()
    {
        const string json = """
            { "topics": [
              { "slug": "film-and-tv", "name": "Film & Television" },
              { "slug": "local-club", "name": "Our Club", "parent": null, "hashtags": ["ourclub"] },
              { "slug": "club-events", "name": "Club Events", "parent": "local-club", "keywords": ["club night"] }
            ] }
            """;

        var merged = TopicTaxonomy.Default.Merge(json, "club.json");

        merged.Get("film-and-tv").Name.ShouldBe("Film & Television");
        merged.Roots.Count.ShouldBe(TopicTaxonomy.Default.Roots.Count + 1);
        merged.ParentOf(merged.IndexOf("club-events")).ShouldBe(merged.IndexOf("local-club"));
    }

    [Fact]
    public void A_child_may_come_before_its_parent_in_the_file()
    {
        const string json = """
            { "topics": [
              { "slug": "b-child", "name": "Child", "parent": "a-parent", "hashtags": ["child"] },
              { "slug": "a-parent", "name": "Parent", "hashtags": ["parent"] }
            ] }
            """;

        var taxonomy = TopicTaxonomy.Parse(json, "order.json");

        taxonomy.ParentOf(taxonomy.IndexOf("b-child")).ShouldBe(taxonomy.IndexOf("a-parent"));
    }

    [Fact]
    public void Loads_a_user_file_from_a_stream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(UserFile));

        var merged = TopicTaxonomy.Default.Merge(stream, "my-topics.json");

        merged.IndexOf("zig").ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void An_explicit_id_is_kept()
    {
        const string json = """{ "topics": [ { "id": 42, "slug": "answers", "name": "Answers", "keywords": ["forty two"] } ] }""";

        TopicTaxonomy.Default.Merge(json, "ids.json").Get("answers").Id.ShouldBe(42);
    }

    [Fact]
    public void The_matcher_finds_user_topics()
    {
        var matcher = new TopicMatcher(TopicTaxonomy.Default.Merge(UserFile, "my-topics.json"));

        var found = matcher.Match("Playing with comptime and the bevy engine tonight");

        found.Select(e => matcher.Taxonomy[e.Topic].Slug).ShouldBe(["zig", "rust"], ignoreOrder: true);
    }
}
