using Clout.Engine.Topics;

namespace Clout.Engine.Tests.Topics;

public sealed class TopicMatcherTests
{
    private static readonly TopicMatcher Shipped = new(TopicTaxonomy.Default);

    private static readonly TopicMatcher Small = new(TopicTaxonomy.Parse(
        """
        { "topics": [
          { "slug": "tech", "name": "Tech", "hashtags": ["tech"], "keywords": ["technology"] },
          { "slug": "rust", "name": "Rust", "parent": "tech", "hashtags": ["rust", "rustlang"],
            "keywords": ["rustlang", "borrow checker", "c++ interop"], "domains": ["rust-lang.org", "crates.io"] },
          { "slug": "code", "name": "Code", "parent": "tech", "hashtags": ["coding"],
            "keywords": ["node.js", "c#", "hip-hop coding", "s&p 500", "kubernetes"], "domains": ["github.com"] },
          { "slug": "music", "name": "Music", "hashtags": ["music"], "keywords": ["hip hop", "café", "machine learning"] },
          { "slug": "ml", "name": "ML", "hashtags": ["machinelearning"], "keywords": ["machine learning"] }
        ] }
        """,
        "small.json"));

    private static string[] Slugs(TopicMatcher matcher, IEnumerable<TopicEvidence> evidence) =>
        [.. evidence.Select(e => matcher.Taxonomy[e.Topic].Slug).Distinct().Order(StringComparer.Ordinal)];

    private static string[] Found(string text, EvidenceSource source = EvidenceSource.Post) => Slugs(Small, Small.Match(text, source));

    private static TopicEvidence Single(string text, EvidenceSource source = EvidenceSource.Post)
    {
        var found = Small.Match(text, source);
        found.Count.ShouldBe(1, string.Join(", ", found));
        return found[0];
    }

    [Fact]
    public void Finds_hashtags_case_insensitively()
    {
        var e = Single("Shipping it today #RustLang!");
        Small.Taxonomy[e.Topic].Slug.ShouldBe("rust");
        e.Kind.ShouldBe(EvidenceKind.Hashtag);
        e.Source.ShouldBe(EvidenceSource.Post);
        e.Weight.ShouldBe(TopicMatchWeights.Default.Hashtag);
    }

    [Fact]
    public void Ignores_a_hash_inside_a_word_and_an_unknown_hashtag()
    {
        Found("issue#rust and #rustic and #").ShouldBeEmpty();
    }

    [Fact]
    public void Finds_whole_word_keywords_case_insensitively()
    {
        var e = Single("I love RustLang.");
        Small.Taxonomy[e.Topic].Slug.ShouldBe("rust");
        e.Kind.ShouldBe(EvidenceKind.Keyword);
        e.Weight.ShouldBe(TopicMatchWeights.Default.Keyword);
    }

    [Fact]
    public void Ignores_keywords_inside_longer_words()
    {
        Found("rustlanguage technologyless subtechnology kubernetesish").ShouldBeEmpty();
    }

    [Fact]
    public void Finds_phrases_across_spaces_hyphens_and_line_breaks()
    {
        Found("fighting the Borrow   Checker again").ShouldBe(["rust"]);
        Found("fighting the borrow-checker again").ShouldBe(["rust"]);
        Found("fighting the borrow\nchecker again").ShouldBe(["rust"]);
        Single("the borrow checker").Weight.ShouldBe(TopicMatchWeights.Default.Phrase);
    }

    [Fact]
    public void Sentence_punctuation_breaks_a_phrase()
    {
        Found("I borrow. Checker is my cat").ShouldBeEmpty();
        Found("borrow, checker").ShouldBeEmpty();
    }

    [Fact]
    public void A_phrase_needs_all_its_words_in_order()
    {
        Found("checker borrow").ShouldBeEmpty();
        Found("borrow the checker").ShouldBeEmpty();
    }

    [Fact]
    public void Matches_a_phrase_written_with_a_hyphen_or_ampersand_in_the_taxonomy()
    {
        Found("old school hip hop coding session").ShouldBe(["code", "music"]);
        Found("the S&P 500 fell").ShouldBe(["code"]);
    }

    [Fact]
    public void Keeps_dots_plus_signs_and_sharps_that_belong_to_a_word()
    {
        Found("Node.js is fine").ShouldBe(["code"]);
        Found("I write C# daily").ShouldBe(["code"]);
        Found("C++ interop is hard").ShouldBe(["rust"]);
        Found("node js").ShouldBeEmpty();
    }

    [Fact]
    public void Finds_link_domains_and_their_subdomains()
    {
        var e = Single("read https://blog.rust-lang.org/2024/05/02/Rust-1.78.0.html");
        Small.Taxonomy[e.Topic].Slug.ShouldBe("rust");
        e.Kind.ShouldBe(EvidenceKind.Domain);
        e.Weight.ShouldBe(TopicMatchWeights.Default.Domain);

        Found("see HTTP://WWW.GITHUB.COM/x").ShouldBe(["code"]);
        Found("see github.com/clout/clout and docs.crates.io").ShouldBe(["code", "rust"]);
        Found("(https://github.com)").ShouldBe(["code"]);
    }

    [Fact]
    public void Does_not_match_a_domain_that_only_ends_like_a_known_one()
    {
        Found("https://notgithub.com/ https://github.com.evil.example/").ShouldBeEmpty();
    }

    [Fact]
    public void Words_in_a_url_path_are_not_keywords()
    {
        Found("https://example.com/technology/borrow-checker").ShouldBeEmpty();
        Found("example.com/technology/borrow-checker").ShouldBeEmpty();
        Found("example.com technology").ShouldBe(["tech"]);
    }

    [Fact]
    public void Handles_and_email_addresses_are_not_matched()
    {
        Found("cc @rustlang and mail me at dev@github.com").ShouldBeEmpty();
    }

    [Fact]
    public void Matches_unicode_words_and_case()
    {
        Found("Un CAFÉ, por favor").ShouldBe(["music"]);
        Found("un cafés").ShouldBeEmpty();
    }

    [Fact]
    public void A_signal_shared_by_two_topics_splits_its_weight()
    {
        var found = Small.Match("machine learning");
        found.Count.ShouldBe(2);
        found.ShouldAllBe(e => e.Weight == TopicMatchWeights.Default.Phrase / 2);
    }

    [Fact]
    public void Repetition_gives_one_evidence_per_topic_and_kind()
    {
        var found = Small.Match("rustlang rustlang RUSTLANG #rust #rustlang");
        found.Select(e => e.Kind).ShouldBe([EvidenceKind.Keyword, EvidenceKind.Hashtag]);
    }

    [Fact]
    public void A_hashtag_of_a_single_word_keyword_counts_as_a_hashtag()
    {
        var e = Single("#Kubernetes all the things");
        e.Kind.ShouldBe(EvidenceKind.Hashtag);
        e.Weight.ShouldBe(TopicMatchWeights.Default.Hashtag);
    }

    [Fact]
    public void Appends_to_the_callers_list_and_returns_the_count()
    {
        var list = new List<TopicEvidence>();
        Small.MatchPost("#rust", list).ShouldBe(1);
        Small.MatchPost("#rust technology", list).ShouldBe(2);
        list.Count.ShouldBe(3);
    }

    [Fact]
    public void Tags_profile_and_list_evidence()
    {
        var list = new List<TopicEvidence>();
        Small.MatchProfile("Rustlang dev", list);
        Small.MatchListName("Rust people", list);
        list.Select(e => e.Source).ShouldBe([EvidenceSource.Profile, EvidenceSource.ListName]);
    }

    [Fact]
    public void List_names_also_match_hashtags_written_as_words()
    {
        Found("machinelearning", EvidenceSource.ListName).ShouldBe(["ml"]);
        Found("tech_news", EvidenceSource.ListName).ShouldBe(["tech"]);
        Found("machinelearning").ShouldBeEmpty();
    }

    [Fact]
    public void Empty_and_punctuation_only_text_finds_nothing()
    {
        Found("").ShouldBeEmpty();
        Found("!!! ... ### @@@ https:// 🎉🎉").ShouldBeEmpty();
    }

    [Fact]
    public void Finds_the_topics_of_a_realistic_post()
    {
        const string post = "Finally fought the borrow checker and won 🦀 New release of our crate is out: " +
            "https://github.com/acme/fastq-rs — thanks @ferris! #RustLang #OpenSource";

        var found = Shipped.Match(post);

        Slugs(Shipped, found).ShouldBe(["open-source", "rust", "software-development"]);
        var rust = Shipped.Taxonomy.IndexOf("rust");
        found.Where(e => e.Topic == rust).Select(e => e.Kind).ShouldBe([EvidenceKind.Keyword, EvidenceKind.Hashtag], ignoreOrder: true);
    }

    [Theory]
    [InlineData("What a goal! Premier League title race is on #MUFC", "premier-league")]
    [InlineData("Sourdough starter finally bubbly, baking tomorrow", "baking")]
    [InlineData("New episode of the pod: interest rates, inflation and the Federal Reserve", "economics")]
    [InlineData("Watching the rocket launch from the cape, go Falcon 9!", "space-exploration")]
    [InlineData("my monstera is thriving after repotting", "houseplants")]
    [InlineData("Read this: https://www.espncricinfo.com/series/ipl-2024", "cricket")]
    public void Finds_the_expected_topic_in_everyday_posts(string post, string slug)
    {
        Slugs(Shipped, Shipped.Match(post)).ShouldContain(slug);
    }

    [Fact]
    public void Everyday_words_alone_find_no_topic()
    {
        Shipped.Match("Good morning! Going to the store later, then home for dinner with friends.").ShouldBeEmpty();
    }

    [Fact]
    public void Matches_every_shipped_signal_to_its_own_topic()
    {
        var taxonomy = Shipped.Taxonomy;
        for (var i = 0; i < taxonomy.Count; i++)
        {
            var topic = taxonomy[i];
            foreach (var hashtag in topic.Hashtags)
            {
                Slugs(Shipped, Shipped.Match($"x #{hashtag} y")).ShouldContain(topic.Slug, $"#{hashtag}");
            }

            foreach (var keyword in topic.Keywords)
            {
                Slugs(Shipped, Shipped.Match($"about {keyword} today")).ShouldContain(topic.Slug, keyword);
            }

            foreach (var domain in topic.Domains)
            {
                Slugs(Shipped, Shipped.Match($"see https://{domain}/page")).ShouldContain(topic.Slug, domain);
            }
        }
    }

    [Fact]
    public void Matching_allocates_nothing_once_the_list_has_room()
    {
        string[] posts =
        [
            "Finally fought the borrow checker and won https://blog.rust-lang.org/x #RustLang @ferris",
            "Sourdough starter finally bubbly, baking tomorrow. Café con leche ☕ and the S&P 500 at github.com/acme",
            "machinelearning people: tech_news, #MachineLearning, https://www.espncricinfo.com/series/ipl",
        ];
        var list = new List<TopicEvidence>(1024);
        foreach (var post in posts)
        {
            Shipped.MatchListName(post, list);
        }

        list.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 100; round++)
        {
            foreach (var post in posts)
            {
                Shipped.MatchPost(post, list);
                Shipped.MatchListName(post, list);
            }

            list.Clear();
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void Rejects_negative_weights()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new TopicMatcher(TopicTaxonomy.Default, new TopicMatchWeights { Keyword = -1 }));
    }

    [Fact]
    public void Evidence_enums_keep_their_values()
    {
        ((int)EvidenceKind.Hashtag).ShouldBe(1);
        ((int)EvidenceKind.Keyword).ShouldBe(2);
        ((int)EvidenceKind.Domain).ShouldBe(3);
        ((int)EvidenceSource.Post).ShouldBe(1);
        ((int)EvidenceSource.Profile).ShouldBe(2);
        ((int)EvidenceSource.ListName).ShouldBe(3);
    }
}
