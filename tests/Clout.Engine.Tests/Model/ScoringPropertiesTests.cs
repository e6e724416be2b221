using Clout.Core.Domain;
using Clout.Engine.Explaining;
using Clout.Engine.Model;
using static Clout.Engine.Tests.Model.Scenario;

namespace Clout.Engine.Tests.Model;

public class ScoringPropertiesTests
{
    [Theory]
    [InlineData(1, "m3")]
    [InlineData(2, "m10")]
    [InlineData(3, "m0")]
    public void More_genuine_engagement_never_lowers_a_score(int seed, string target)
    {
        var before = Run(Community(60, seed)).ScoreOf($"x:{target}");
        var window = Community(60, seed);
        for (var i = 20; i < 30; i++)
        {
            window.Add(Act($"m{i}", target, ActionKind.Reshare, 2));
        }

        var after = Run(window).ScoreOf($"x:{target}");

        after.ShouldBeGreaterThan(before);
    }

    [Fact]
    public void Linking_another_network_never_lowers_a_score()
    {
        var window = Community(60, 5).Add(Account("m5-bsky", network: Network.Bluesky));
        for (var i = 0; i < 5; i++)
        {
            window.Add(Account($"b{i}", network: Network.Bluesky), Act($"b{i}", "m5-bsky", ActionKind.Like, 4, Network.Bluesky));
        }

        var separate = Run(window);
        var alone = separate.ScoreOf("x:m5");
        var linked = Run(window.Link(new AccountKey(Network.X, "m5"), "person-5").Link(new AccountKey(Network.Bluesky, "m5-bsky"), "person-5")).ScoreOf("person-5");

        linked.ShouldBeGreaterThanOrEqualTo(alone);
        linked.ShouldBeGreaterThanOrEqualTo(separate.ScoreOf("bluesky:m5-bsky"));
    }

    [Fact]
    public void Linking_a_network_with_many_posts_and_no_engagement_does_not_lower_a_score()
    {
        var window = Community(60, 8).Add(Account("m8-blog", network: Network.Blog));
        for (var i = 0; i < 200; i++)
        {
            window.Add(Post("m8-blog", i % 80, Network.Blog));
        }

        var alone = Run(window).ScoreOf("x:m8");
        var linked = Run(window.Link(new AccountKey(Network.X, "m8"), "p8").Link(new AccountKey(Network.Blog, "m8-blog"), "p8")).ScoreOf("p8");

        linked.ShouldBeGreaterThanOrEqualTo(alone);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(60)]
    [InlineData(150)]
    public void Bought_engagement_moves_a_score_far_less_than_the_same_volume_of_genuine_engagement(int volume)
    {
        const string target = "m7";
        var baseline = Run(Community(200, 11)).ScoreOf($"x:{target}");

        // Bought: fresh accounts nobody engages with, each resharing the target.
        var bought = Community(200, 11);
        for (var i = 0; i < volume; i++)
        {
            bought.Add(Account($"bot{i}", ageDays: 3), Act($"bot{i}", target, ActionKind.Reshare, 1));
        }

        // Genuine: the same volume from established members who have standing.
        var genuine = Community(200, 11);
        for (var i = 0; i < volume; i++)
        {
            var actor = $"m{20 + (i % 180)}";
            genuine.Add(Act(actor, target, ActionKind.Reshare, 1));
        }

        var boughtGain = Run(bought).ScoreOf($"x:{target}") - baseline;
        var genuineGain = Run(genuine).ScoreOf($"x:{target}") - baseline;

        genuineGain.ShouldBeGreaterThan(0);
        (boughtGain / genuineGain).ShouldBeLessThan(0.1);
    }

    [Fact]
    public void Distinct_actors_beat_repeated_actions_by_one_actor()
    {
        var many = Community(100, 3);
        var one = Community(100, 3);
        for (var i = 0; i < 10; i++)
        {
            many.Add(Act($"m{30 + i}", "m1", ActionKind.Reshare, 2));
            one.Add(Act("m30", "m1", ActionKind.Reshare, 2));
        }

        Run(many).ScoreOf("x:m1").ShouldBeGreaterThan(Run(one).ScoreOf("x:m1"));
    }

    [Fact]
    public void Engagement_on_few_posts_beats_the_same_engagement_on_many_posts()
    {
        var few = Community(100, 4);
        var many = Community(100, 4);
        for (var i = 0; i < 40; i++)
        {
            few.Add(Act($"m{40 + i}", "m2", ActionKind.Reshare, 2));
            many.Add(Act($"m{40 + i}", "m2", ActionKind.Reshare, 2));
        }

        for (var i = 0; i < 300; i++)
        {
            many.Add(Post("m2", i % 80));
        }

        Run(few).ScoreOf("x:m2").ShouldBeGreaterThan(Run(many).ScoreOf("x:m2"));
    }

    [Fact]
    public void The_same_input_gives_bit_identical_scores_whatever_the_store_ids_and_order()
    {
        var first = Run(Community(120, 9));
        var second = Run(Community(120, 9), reverse: true);

        foreach (var person in first.Input.PersonKeys)
        {
            second.ScoreOf(person).ShouldBe(first.ScoreOf(person));
        }
    }

    [Fact]
    public void Explanation_contributions_add_up_to_the_score()
    {
        var run = Run(Community(80, 12));
        var (people, _) = SnapshotBuilder.Build(run.Output, Day);

        people.Count.ShouldBeGreaterThan(50);
        foreach (var s in people)
        {
            s.Explanation.Contributions.Sum(c => c.Points).ShouldBe(s.Score, 1e-6);
            (1 + s.Reach + s.Amplification + s.NetworkImpact + s.Audience + s.Explanation.Contributions.Where(c => c.SubScore == "other").Sum(c => c.Points)).ShouldBe(s.Score, 1e-6);
        }
    }

    [Fact]
    public void Bought_engagement_is_flagged_in_the_explanation()
    {
        var window = Community(100, 13);
        for (var i = 0; i < 80; i++)
        {
            window.Add(Account($"bot{i}", ageDays: 2), Act($"bot{i}", "m5", ActionKind.Reshare, 1));
        }

        var run = Run(window);
        var snapshot = SnapshotBuilder.Build(run.Output, Day).People.Single(p => p.Person == "x:m5");

        snapshot.Explanation.Flags.ShouldContain(f => f.Contains("bought", StringComparison.Ordinal));
        snapshot.Explanation.Discounted.ShouldContain(d => d.Reason == "fresh_account" && d.Actors >= 80);
    }

    [Fact]
    public void Accounts_known_only_from_counters_get_a_fair_score()
    {
        var window = Community(60, 14).Add(
            new Clout.Core.Records.AccountRecord(Network.Instagram, "ig1") { Created = At(900) },
            new Clout.Core.Records.MetricsRecord(Network.Instagram, "ig1", Day) { Days = 90, Followers = 5000, Posts = 300, Received = new Dictionary<ActionKind, long> { [ActionKind.Like] = 4000, [ActionKind.Comment] = 300 } });

        var run = Run(window);
        var median = run.Input.PersonKeys.Where(p => p.StartsWith("x:m", StringComparison.Ordinal)).Select(p => run.ScoreOf(p)).Order().ElementAt(30);

        run.ScoreOf("instagram:ig1").ShouldBeGreaterThan(median);
    }

    [Fact]
    public void Scores_stay_between_1_and_100_and_each_point_is_harder_than_the_last()
    {
        Calibration.Score(0, 25, 0.73).ShouldBe(1);
        Calibration.Score(1e12, 25, 0.73).ShouldBeLessThanOrEqualTo(100);
        var gain10to20 = Calibration.Score(20, 25, 0.73) - Calibration.Score(10, 25, 0.73);
        var gain100to110 = Calibration.Score(110, 25, 0.73) - Calibration.Score(100, 25, 0.73);
        gain100to110.ShouldBeLessThan(gain10to20);
    }

    [Fact]
    public void Calibration_fit_reaches_the_target_mean_and_95th_percentile()
    {
        var rng = new Random(3);
        var values = Enumerable.Range(0, 5000).Select(_ => Math.Exp(rng.NextDouble() * 8)).ToList();
        var (midpoint, exponent) = Calibration.Fit(values);
        var scores = values.Select(v => Calibration.Score(v, midpoint, exponent)).Order().ToArray();

        scores.Average().ShouldBe(40, 0.5);
        scores[(int)(0.95 * scores.Length)].ShouldBe(63, 1.5);
    }
}
