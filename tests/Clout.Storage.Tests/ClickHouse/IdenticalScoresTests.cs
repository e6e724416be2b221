using Clout.Application.Scoring;
using Clout.Engine.Model;
using Clout.Generator;
using Clout.Storage.ClickHouse;
using Clout.Storage.Tests.Sqlite;

namespace Clout.Storage.Tests.ClickHouse;

/// <summary>The same input gives bit-identical scores on SQLite and on the two-shard ClickHouse cluster.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class IdenticalScoresTests(ClickHouseCluster cluster)
{
    [Fact]
    public async Task The_same_population_scores_identically_on_SQLite_and_ClickHouse()
    {
        cluster.Require();
        var options = new GeneratorOptions { People = 600, Seed = 21, Days = 30 };
        await using var sqlite = await TempStore.CreateAsync();
        await using var clickhouse = new ClickHouseStore(cluster.Options());
        await clickhouse.MigrateAsync();
        await sqlite.Store.ImportAsync(new PopulationGenerator(options).Generate());
        await clickhouse.ImportAsync(new PopulationGenerator(options).Generate());

        var onSqlite = await new ScoringService(sqlite.Store, TimeProvider.System).ScoreDayAsync(null, Algorithms.V1, shadow: false);
        var onClickHouse = await new ScoringService(clickhouse, TimeProvider.System).ScoreDayAsync(null, Algorithms.V1, shadow: false);

        onClickHouse.Day.ShouldBe(onSqlite.Day);
        onClickHouse.People.ShouldBe(onSqlite.People);
        onClickHouse.Edges.ShouldBe(onSqlite.Edges);
        var expected = await sqlite.Store.GetScoresAsync(onSqlite.Day, "v1");
        var actual = await clickhouse.GetScoresAsync(onClickHouse.Day, "v1");
        actual.Count.ShouldBe(expected.Count);
        foreach (var (person, score) in expected)
        {
            actual[person].ShouldBe(score, $"score of {person}");
        }

        // v4's late reach reads the scored day's single actions with their times from each store.
        var v4OnSqlite = await new ScoringService(sqlite.Store, TimeProvider.System).ScoreDayAsync(null, Algorithms.V4, shadow: true);
        await new ScoringService(clickhouse, TimeProvider.System).ScoreDayAsync(null, Algorithms.V4, shadow: true);
        var expectedV4 = await sqlite.Store.GetScoresAsync(v4OnSqlite.Day, "v4");
        var actualV4 = await clickhouse.GetScoresAsync(v4OnSqlite.Day, "v4");
        actualV4.Count.ShouldBe(expectedV4.Count);
        foreach (var (person, score) in expectedV4)
        {
            actualV4[person].ShouldBe(score, $"v4 score of {person}");
        }

        var top = (await sqlite.Store.GetLeaderboardAsync(null, "v1", null, 0, 3)).Select(r => r.Person).ToList();
        (await clickhouse.GetLeaderboardAsync(null, "v1", null, 0, 3)).Select(r => r.Person).ShouldBe(top);

        // Topics come from the topic window (posts with reactions, lists, endorsements, bios), read by each store.
        var people = (await sqlite.Store.GetLeaderboardAsync(null, "v1", null, 0, 50)).Select(r => r.Person).ToList();
        var assigned = 0;
        foreach (var person in people)
        {
            var expectedTopics = (await sqlite.Store.GetSnapshotAsync(person, null, "v1")).ShouldNotBeNull().Topics;
            var actualTopics = (await clickhouse.GetSnapshotAsync(person, null, "v1")).ShouldNotBeNull().Topics;
            actualTopics.Select(t => (t.Slug, t.Score)).ShouldBe(expectedTopics.Select(t => (t.Slug, t.Score)), $"topics of {person}");
            assigned += expectedTopics.Count;
        }

        assigned.ShouldBeGreaterThan(0, "the generated population should have topics assigned");
        var slug = (await sqlite.Store.GetSnapshotAsync(people[0], null, "v1"))!.Topics.FirstOrDefault()?.Slug ?? "technology";
        (await clickhouse.GetTopicLeaderboardAsync(slug, null, "v1", null, 0, 10)).Select(e => (e.Person, e.TopicScore))
            .ShouldBe((await sqlite.Store.GetTopicLeaderboardAsync(slug, null, "v1", null, 0, 10)).Select(e => (e.Person, e.TopicScore)));
    }
}
