namespace Clout.Engine.Tests.Topics.Assignment;

public sealed class TopicAssignerTests
{
    [Fact]
    public void Ranks_the_topics_a_person_posts_about_and_leaves_out_a_single_mention()
    {
        var s = new TopicScenario(0);
        for (var i = 0; i < 5; i++)
        {
            s.Post(0, $"Notes on the borrow checker, part {i} #rustlang");
        }

        s.Post(0, "Morning espresso #coffee").Post(0, "Pour over or latte art? #coffee").Post(0, "Went to a jazz festival");
        var topics = s.Assign().Topics[0];
        topics.Select(t => t.Slug).ShouldBe(["rust", "coffee"]);
        topics[0].Score.ShouldBeGreaterThan(topics[1].Score);
        topics[0].Posts.ShouldBe(5);
        topics.ShouldAllBe(t => t.Score >= 1 && t.Score <= 100);
    }

    [Fact]
    public void Reactions_to_topical_posts_raise_the_topic_score()
    {
        var s = new TopicScenario(0, 1);
        for (var i = 0; i < 3; i++)
        {
            s.Post(0, "Thoughts on the borrow checker #rustlang");
            s.Post(1, "Thoughts on the borrow checker #rustlang", likes: 20, reshares: 10);
        }

        var result = s.Assign();
        result.Topics[1][0].Score.ShouldBeGreaterThan(result.Topics[0][0].Score);
        var evidence = result.Topics[1][0].Evidence.First(e => e.Source == "post");
        evidence.Reactions!["like"].ShouldBe(20);
        evidence.Reactions!["reshare"].ShouldBe(10);
        evidence.Description.ShouldContain("20 like");
    }

    [Fact]
    public void Evidence_from_all_of_a_persons_accounts_is_combined()
    {
        // One post on each network is not enough alone; together they are two pieces of evidence.
        var s = new TopicScenario(0, 0, 1);
        s.Post(0, "Thoughts on the borrow checker #rustlang").Post(1, "A rustacean at heart #rust").Post(2, "Thoughts on the borrow checker #rustlang");
        var result = s.Assign();
        result.Topics[0].Select(t => t.Slug).ShouldBe(["rust"]);
        result.Topics[1].ShouldBeEmpty();
    }

    [Fact]
    public void Endorsements_from_low_quality_accounts_count_for_less()
    {
        var s = new TopicScenario(0, 1, 2, 3, 4, 5, 6, 7);
        for (var i = 0; i < 2; i++)
        {
            s.Post(0, "Thoughts on the borrow checker #rustlang").Post(1, "Thoughts on the borrow checker #rustlang");
        }

        for (var actor = 2; actor <= 4; actor++)
        {
            s.Endorse(actor, 0, "rust");
        }

        for (var actor = 5; actor <= 7; actor++)
        {
            s.Quality(actor, 0.05).Endorse(actor, 1, "rust");
        }

        var result = s.Assign();
        var good = result.Topics[0].Single();
        var bought = result.Topics[1].Single();
        good.Weight.ShouldBeGreaterThan(bought.Weight + 4);
        good.Score.ShouldBeGreaterThan(bought.Score);
        good.Attributions.ShouldBe(3);
        good.Evidence.Count(e => e.Source == "endorsement").ShouldBe(3);
    }

    [Fact]
    public void Repeated_and_self_endorsements_add_nothing()
    {
        var once = new TopicScenario(0, 1).Post(0, "Thoughts on the borrow checker #rustlang").Endorse(1, 0, "rust");
        var repeated = new TopicScenario(0, 1).Post(0, "Thoughts on the borrow checker #rustlang").Endorse(1, 0, "rust").Endorse(1, 0, "rust").Endorse(0, 0, "rust");
        repeated.Assign().Topics[0].Single().Weight.ShouldBe(once.Assign().Topics[0].Single().Weight);
    }

    [Fact]
    public void Lists_and_profile_text_are_evidence_with_their_text_shown()
    {
        var s = new TopicScenario(0, 1, 2);
        s.Bio(0, "Barista and coffee roaster").List(1, 0, "Coffee folks").List(2, 0, "coffee people");
        var topic = s.Assign().Topics[0].Single();
        topic.Slug.ShouldBe("coffee");
        topic.Evidence.Select(e => e.Source).ShouldBe(["list", "list", "profile"]);
        topic.Evidence[0].Text.ShouldBe("Coffee folks");
        topic.Evidence[2].Text.ShouldBe("Barista and coffee roaster");
    }

    [Fact]
    public void A_parent_topic_is_assigned_when_two_of_its_children_are_and_not_for_one()
    {
        var one = new TopicScenario(0);
        var two = new TopicScenario(0);
        for (var i = 0; i < 4; i++)
        {
            one.Post(0, "Thoughts on the borrow checker #rustlang");
            two.Post(0, "Thoughts on the borrow checker #rustlang").Post(0, "pip install everything #python");
        }

        one.Assign().Topics[0].Select(t => t.Slug).ShouldNotContain("software-development");
        two.Assign().Topics[0].Select(t => t.Slug).ShouldContain("software-development");
    }

    [Fact]
    public void Older_posts_weigh_less()
    {
        var s = new TopicScenario(0, 1);
        for (var i = 0; i < 8; i++)
        {
            s.Post(0, "Thoughts on the borrow checker #rustlang", age: 1).Post(1, "Thoughts on the borrow checker #rustlang", age: 40);
        }

        var result = s.Assign();
        result.Topics[0][0].Weight.ShouldBeGreaterThan(result.Topics[1][0].Weight);
    }

    [Fact]
    public void The_same_window_gives_the_same_topics()
    {
        TopicScenario Build()
        {
            var s = new TopicScenario(0, 1, 2);
            s.Post(0, "Thoughts on the borrow checker #rustlang", likes: 3).Post(0, "#coffee and #jazz").Post(1, "#coffee #espresso").Endorse(2, 0, "rust");
            return s;
        }

        var a = Build().Assign();
        var b = Build().Assign();
        for (var p = 0; p < 3; p++)
        {
            a.Topics[p].Select(t => (t.Slug, t.Score, t.Weight)).ShouldBe(b.Topics[p].Select(t => (t.Slug, t.Score, t.Weight)));
        }
    }
}
