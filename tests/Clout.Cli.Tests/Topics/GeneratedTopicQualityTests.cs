using Clout.Application.Generating;
using Clout.Application.Scoring;
using Clout.Engine.Model;
using Clout.Generator;

namespace Clout.Cli.Tests.Topics;

public sealed class GeneratedTopicQualityTests
{
    [Fact]
    public async Task Assigned_topics_recover_the_generated_peoples_true_topics()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        var generator = new PopulationGenerator(new GeneratorOptions { People = 400, Seed = 7 }, TaxonomyTopics.Default);
        await store.ImportAsync(generator.Generate(), cancellationToken: TestContext.Current.CancellationToken);
        var report = await new ScoringService(store, TimeProvider.System).ScoreDayAsync(null, Algorithms.Default, shadow: false, cancellationToken: TestContext.Current.CancellationToken);

        double precision = 0, recall = 0;
        var people = 0;
        for (var p = 0; p < 400; p++)
        {
            var key = "p" + p;
            var person = await store.GetPersonAsync(key, TestContext.Current.CancellationToken);
            var snapshot = await store.GetSnapshotAsync(key, report.Day, report.Version, TestContext.Current.CancellationToken);
            var truth = person!.Accounts.SelectMany(a => a.Labels).Where(l => l.StartsWith("topic:", StringComparison.Ordinal)).Select(l => l[6..]).ToHashSet();
            if (snapshot is null || snapshot.Topics.Count == 0)
            {
                continue;
            }

            var top = snapshot.Topics.Take(3).Select(t => t.Slug).ToList();
            var hits = top.Count(truth.Contains);
            precision += hits / (double)top.Count;
            recall += hits / (double)Math.Min(3, truth.Count);
            people++;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"people with topics {people}/400, precision@3 {precision / people:0.000}, recall@3 {recall / people:0.000}");
        people.ShouldBeGreaterThan(200);
        (precision / people).ShouldBeGreaterThan(0.8);
        (recall / people).ShouldBeGreaterThan(0.6);
    }

    [Fact]
    public async Task Show_data_has_a_style_for_active_people_and_find_lists_them_by_topic()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        var generator = new PopulationGenerator(new GeneratorOptions { People = 200, Seed = 3 }, TaxonomyTopics.Default);
        await store.ImportAsync(generator.Generate(), cancellationToken: TestContext.Current.CancellationToken);
        var report = await new ScoringService(store, TimeProvider.System).ScoreDayAsync(null, Algorithms.Default, shadow: false, cancellationToken: TestContext.Current.CancellationToken);
        var snapshot = await store.GetSnapshotAsync("p0", report.Day, report.Version, TestContext.Current.CancellationToken);
        snapshot!.Style.ShouldNotBeNull();
        var topic = snapshot.Topics[0];
        var board = await store.GetTopicLeaderboardAsync(topic.Slug, report.Day, report.Version, null, 1, 100, TestContext.Current.CancellationToken);
        board.Select(b => b.Person).ShouldContain("p0");
        board.Select(b => b.TopicScore).ShouldBeInOrder(SortDirection.Descending);
        board.Single(b => b.Person == "p0").TopicScore.ShouldBe(topic.Score);
    }
}
