using Clout.Engine.Topics;

namespace Clout.Engine.Tests.Topics;

public sealed class TopicFileValidationTests
{
    private static TopicFileError SingleError(string json)
    {
        var e = Should.Throw<TopicFileException>(() => TopicTaxonomy.Default.Merge(json, "user-topics.json"));
        e.Errors.Count.ShouldBe(1, e.Message);
        e.Errors[0].Source.ShouldBe("user-topics.json");
        e.Message.ShouldContain("user-topics.json");
        return e.Errors[0];
    }

    private static string Topics(params string[] topics) => $$"""{ "topics": [ {{string.Join(",\n", topics)}} ] }""";

    [Fact]
    public void Rejects_text_that_is_not_json()
    {
        var error = SingleError("{ \"topics\": [ ");
        error.Index.ShouldBe(-1);
        error.Message.ShouldContain("not valid JSON at line 1");
    }

    [Fact]
    public void Rejects_a_file_without_a_topics_array()
    {
        var error = SingleError("""{ "topics": {} }""");
        error.Field.ShouldBe("topics");
        error.Message.ShouldContain("expected an array");
    }

    [Fact]
    public void Rejects_an_unknown_top_level_field()
    {
        var e = Should.Throw<TopicFileException>(() => TopicTaxonomy.Default.Merge("""{ "topcs": [] }""", "user-topics.json"));
        e.Errors.ShouldContain(x => x.Field == "topcs");
        e.Errors.ShouldContain(x => x.Field == "topics");
    }

    [Fact]
    public void Rejects_a_duplicate_slug_naming_both_positions()
    {
        var error = SingleError(Topics(
            """{ "slug": "zig", "name": "Zig", "hashtags": ["zig"] }""",
            """{ "slug": "zig", "name": "Zig again", "hashtags": ["ziglang"] }"""));

        error.Index.ShouldBe(1);
        error.Slug.ShouldBe("zig");
        error.Field.ShouldBe("slug");
        error.Message.ShouldContain("topics[0]");
        error.ToString().ShouldStartWith("user-topics.json: topics[1] ('zig'): field 'slug': duplicate slug");
    }

    [Fact]
    public void Rejects_an_unknown_parent()
    {
        var error = SingleError(Topics("""{ "slug": "zig", "name": "Zig", "parent": "systems-programming", "hashtags": ["zig"] }"""));

        error.Field.ShouldBe("parent");
        error.Message.ShouldContain("unknown parent 'systems-programming'");
    }

    [Fact]
    public void Rejects_a_cycle_once_with_its_path()
    {
        var error = SingleError(Topics(
            """{ "slug": "a-topic", "name": "A", "parent": "b-topic", "hashtags": ["a"] }""",
            """{ "slug": "b-topic", "name": "B", "parent": "a-topic", "hashtags": ["b"] }"""));

        error.Field.ShouldBe("parent");
        error.Message.ShouldContain("cycle: a-topic -> b-topic -> a-topic");
    }

    [Fact]
    public void Rejects_a_topic_that_is_its_own_parent()
    {
        var error = SingleError(Topics("""{ "slug": "loop", "name": "Loop", "parent": "loop", "hashtags": ["loop"] }"""));

        error.Message.ShouldContain("cycle: loop -> loop");
    }

    [Theory]
    [InlineData("Zig")]
    [InlineData("zig_lang")]
    [InlineData("zig--lang")]
    [InlineData("-zig")]
    [InlineData("")]
    public void Rejects_bad_slug_syntax(string slug)
    {
        var error = SingleError(Topics($$"""{ "slug": "{{slug}}", "name": "Zig", "hashtags": ["zig"] }"""));

        error.Field.ShouldBe("slug");
        error.Message.ShouldContain("not a valid slug");
    }

    [Fact]
    public void Rejects_a_missing_slug()
    {
        var error = SingleError(Topics("""{ "name": "Zig", "hashtags": ["zig"] }"""));

        error.Index.ShouldBe(0);
        error.Field.ShouldBe("slug");
        error.Message.ShouldContain("missing");
    }

    [Fact]
    public void Rejects_an_id_already_used_by_another_topic()
    {
        var rustId = TopicTaxonomy.Default.Get("rust").Id;
        var error = SingleError(Topics($$"""{ "id": {{rustId}}, "slug": "zig", "name": "Zig", "hashtags": ["zig"] }"""));

        error.Field.ShouldBe("id");
        error.Message.ShouldContain("already used by topic 'rust'");
    }

    [Fact]
    public void Rejects_changing_the_id_of_an_existing_topic()
    {
        var error = SingleError(Topics("""{ "id": 12345, "slug": "rust", "keywords": ["bevy engine"] }"""));

        error.Field.ShouldBe("id");
        error.Message.ShouldContain("cannot change");
    }

    [Fact]
    public void Rejects_moving_an_existing_topic()
    {
        var error = SingleError(Topics("""{ "slug": "rust", "parent": "science" }"""));

        error.Field.ShouldBe("parent");
        error.Message.ShouldContain("cannot be moved");
    }

    [Fact]
    public void Rejects_a_new_topic_without_a_name()
    {
        var error = SingleError(Topics("""{ "slug": "zig", "hashtags": ["zig"] }"""));

        error.Field.ShouldBe("name");
    }

    [Theory]
    [InlineData("""{ "slug": "zig", "name": "Zig", "hashtags": ["zig lang"] }""", "hashtags[0]")]
    [InlineData("""{ "slug": "zig", "name": "Zig", "keywords": ["zig, the language"] }""", "keywords[0]")]
    [InlineData("""{ "slug": "zig", "name": "Zig", "keywords": ["#zig"] }""", "keywords[0]")]
    [InlineData("""{ "slug": "zig", "name": "Zig", "domains": ["https://ziglang.org/"] }""", "domains[0]")]
    [InlineData("""{ "slug": "zig", "name": "Zig", "domains": ["localhost"] }""", "domains[0]")]
    [InlineData("""{ "slug": "zig", "name": "Zig", "hashtags": "zig" }""", "hashtags")]
    [InlineData("""{ "slug": "zig", "name": "Zig", "hashtags": [3] }""", "hashtags[0]")]
    [InlineData("""{ "slug": "zig", "name": "Zig", "keyword": ["zig"] }""", "keyword")]
    [InlineData("""{ "slug": "zig", "name": "Zig", "id": -5 }""", "id")]
    [InlineData("""{ "slug": "zig", "name": "" }""", "name")]
    public void Rejects_a_bad_field_naming_it(string topic, string field)
    {
        var error = SingleError(Topics(topic));

        error.Index.ShouldBe(0);
        error.Slug.ShouldBe("zig");
        error.Field.ShouldBe(field);
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var e = Should.Throw<TopicFileException>(() => TopicTaxonomy.Default.Merge(
            Topics(
                """{ "slug": "Bad", "name": "Bad" }""",
                """{ "slug": "zig", "name": "Zig", "parent": "nowhere" }""",
                """{ "slug": "rust", "parent": "music" }"""),
            "user-topics.json"));

        e.Errors.Select(x => x.Index).ShouldBe([0, 1, 2]);
    }

    [Fact]
    public void A_child_of_a_rejected_topic_does_not_also_report_an_unknown_parent()
    {
        var error = SingleError(Topics(
            """{ "slug": "zig", "name": "Zig", "hashtags": ["bad tag"] }""",
            """{ "slug": "zig-tools", "name": "Zig tools", "parent": "zig", "hashtags": ["zigtools"] }"""));

        error.Slug.ShouldBe("zig");
    }

    [Fact]
    public void Normalizes_hashtags_keywords_and_domains()
    {
        var taxonomy = TopicTaxonomy.Parse(
            Topics("""{ "slug": "zig", "name": "Zig", "hashtags": ["#ZigLang", "ziglang"], "keywords": [" Zig Compiler "], "domains": ["ZigLang.org"] }"""),
            "user-topics.json");

        var zig = taxonomy.Get("zig");
        zig.Hashtags.ShouldBe(["ziglang"]);
        zig.Keywords.ShouldBe(["zig compiler"]);
        zig.Domains.ShouldBe(["ziglang.org"]);
    }
}
