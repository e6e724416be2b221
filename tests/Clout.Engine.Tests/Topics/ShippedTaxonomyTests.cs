using System.Text.Json;
using Clout.Engine.Topics;

namespace Clout.Engine.Tests.Topics;

public sealed class ShippedTaxonomyTests
{
    private static TopicTaxonomy Taxonomy => TopicTaxonomy.Default;

    [Fact]
    public void Loads_at_least_three_hundred_topics_under_about_twenty_domains()
    {
        Taxonomy.Count.ShouldBeGreaterThanOrEqualTo(300);
        Taxonomy.Roots.Count.ShouldBeInRange(15, 22);
    }

    [Fact]
    public void Slugs_and_ids_are_unique()
    {
        Taxonomy.Topics.Select(t => t.Slug).Distinct().Count().ShouldBe(Taxonomy.Count);
        Taxonomy.Topics.Select(t => t.Id).Distinct().Count().ShouldBe(Taxonomy.Count);
        Taxonomy.Topics.ShouldAllBe(t => t.Id > 0);
    }

    [Fact]
    public void Every_parent_exists_and_the_hierarchy_is_two_or_three_levels_deep()
    {
        for (var i = 0; i < Taxonomy.Count; i++)
        {
            var parent = Taxonomy[i].Parent;
            if (parent is not null)
            {
                Taxonomy.IndexOf(parent).ShouldBeGreaterThanOrEqualTo(0, $"parent of {Taxonomy[i].Slug}");
            }

            Taxonomy.DepthOf(i).ShouldBeLessThanOrEqualTo(2, Taxonomy[i].Slug);
        }

        Taxonomy.Topics.Count(t => t.Parent is null).ShouldBe(Taxonomy.Roots.Count);
        Enumerable.Range(0, Taxonomy.Count).Count(i => Taxonomy.DepthOf(i) == 2).ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Every_path_to_the_root_ends_at_a_root_without_repeating_a_topic()
    {
        for (var i = 0; i < Taxonomy.Count; i++)
        {
            var path = Taxonomy.PathToRoot(i);
            path[0].ShouldBe(i);
            Taxonomy.ParentOf(path[^1]).ShouldBe(-1);
            path.Distinct().Count().ShouldBe(path.Length);
        }
    }

    [Fact]
    public void Every_topic_has_a_signal()
    {
        Taxonomy.Topics.Where(t => !t.HasSignals).Select(t => t.Slug).ShouldBeEmpty();
    }

    [Fact]
    public void Leaf_topics_have_several_hashtags_and_keywords()
    {
        for (var i = 0; i < Taxonomy.Count; i++)
        {
            if (Taxonomy.IsLeaf(i))
            {
                Taxonomy[i].Hashtags.Count.ShouldBeGreaterThanOrEqualTo(2, Taxonomy[i].Slug);
                Taxonomy[i].Keywords.Count.ShouldBeGreaterThanOrEqualTo(3, Taxonomy[i].Slug);
            }
        }
    }

    [Fact]
    public void Covers_the_usual_domains()
    {
        string[] domains =
        [
            "technology", "science", "sports", "music", "film-and-tv", "books-and-literature", "food-and-drink",
            "politics", "business-and-finance", "health-and-fitness", "travel", "games", "fashion-and-beauty",
            "art-and-design", "education", "environment",
        ];
        foreach (var slug in domains)
        {
            Taxonomy.TryGetIndex(slug, out var index).ShouldBeTrue(slug);
            Taxonomy.ParentOf(index).ShouldBe(-1, slug);
            Enumerable.Range(0, Taxonomy.Count).Count(i => i != index && Taxonomy.IsWithin(i, index)).ShouldBeGreaterThan(5, slug);
        }
    }

    [Theory]
    [InlineData("technology", 7574964354487468161L)]
    [InlineData("software-development", 7331736424390583064L)]
    [InlineData("rust", 5917701090813520415L)]
    [InlineData("python", 1271323562368299593L)]
    [InlineData("machine-learning", 4637490802026545568L)]
    [InlineData("soccer", 1092109934486267061L)]
    [InlineData("jazz", 4828412244476797046L)]
    [InlineData("climate-change", 51375691768695514L)]
    [InlineData("personal-finance", 6212429779227683474L)]
    [InlineData("formula-1", 3423444124000413320L)]
    public void Ids_are_frozen(string slug, long id)
    {
        Taxonomy.Get(slug).Id.ShouldBe(id);
        Taxonomy.TryGetIndexById(id, out var index).ShouldBeTrue();
        Taxonomy[index].Slug.ShouldBe(slug);
    }

    [Fact]
    public void Ids_of_the_shipped_topics_were_derived_from_their_slugs()
    {
        // A renamed slug keeps its old id; list such topics here when that happens.
        Taxonomy.Topics.Where(t => t.Id != Topic.IdFor(t.Slug)).Select(t => t.Slug).ShouldBeEmpty();
    }

    [Fact]
    public void The_shipped_file_states_every_id()
    {
        using var stream = typeof(TopicTaxonomy).Assembly.GetManifestResourceStream("Clout.Engine.Topics.taxonomy.json")!;
        using var doc = JsonDocument.Parse(stream);
        foreach (var topic in doc.RootElement.GetProperty("topics").EnumerateArray())
        {
            topic.TryGetProperty("id", out _).ShouldBeTrue(topic.GetProperty("slug").GetString());
        }
    }

    [Fact]
    public void Children_and_ancestors_follow_the_hierarchy()
    {
        var rust = Taxonomy.IndexOf("rust");
        var dev = Taxonomy.IndexOf("software-development");
        var tech = Taxonomy.IndexOf("technology");
        Taxonomy.PathToRoot(rust).ShouldBe([rust, dev, tech]);
        Taxonomy.AncestorsOf(rust).ShouldBe([dev, tech]);
        Taxonomy.ChildrenOf(dev).ToArray().ShouldContain(rust);
        Taxonomy.IsWithin(rust, tech).ShouldBeTrue();
        Taxonomy.IsWithin(tech, rust).ShouldBeFalse();
        Taxonomy.DepthOf(rust).ShouldBe(2);
    }

    [Fact]
    public void Every_keyword_is_distinct_across_topics()
    {
        var shared = Taxonomy.Topics.SelectMany(t => t.Keywords.Select(k => (k, t.Slug))).GroupBy(p => p.k).Where(g => g.Count() > 1).Select(g => g.Key);
        shared.ShouldBeEmpty();
    }
}
