using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Core.Storage;
using Clout.Storage.ClickHouse;
using Clout.Storage.Tests.Contract;
using static Clout.Storage.Tests.Contract.ContractData;

namespace Clout.Storage.Tests.ClickHouse;

/// <summary>Nodes that are down: a cluster of its own, since these tests stop and restart a node.</summary>
public sealed class ClickHouseFailureTests(ClickHouseCluster cluster) : IClassFixture<ClickHouseCluster>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_node_that_is_down_fails_a_score_write_clearly_and_publishes_nothing()
    {
        cluster.Require();
        await using var store = new ClickHouseStore(cluster.Options(retries: 1));
        await store.MigrateAsync(Token);
        var people = Enumerable.Range(0, 40).Select(i => $"person-{i}").ToList();
        await store.WriteScoresAsync(Run(people.Count), people.Select(p => Snap(p, 50)).ToList(), [], Token);

        await cluster.StopNodeAsync(2);
        try
        {
            var error = await Should.ThrowAsync<ClickHouseException>(() => store.WriteScoresAsync(Run(people.Count), people.Select(p => Snap(p, 10)).ToList(), [], Token));
            error.Message.ShouldContain("down or unreachable");
        }
        finally
        {
            await cluster.StartNodeAsync(2);
        }

        (await store.GetScoresAsync(D, "v1", Token)).Values.ShouldAllBe(score => score == 50);
        (await store.GetScoresAsync(D, "v1", Token)).Count.ShouldBe(people.Count);

        await store.WriteScoresAsync(Run(people.Count), people.Select(p => Snap(p, 10)).ToList(), [], Token);

        var scores = await store.GetScoresAsync(D, "v1", Token);
        scores.Count.ShouldBe(people.Count);
        scores.Values.ShouldAllBe(score => score == 10);
    }

    [Fact]
    public async Task An_import_while_a_node_is_down_fails_clearly_and_running_it_again_completes_it()
    {
        cluster.Require();
        await using var store = new ClickHouseStore(cluster.Options(retries: 1));
        await store.MigrateAsync(Token);

        await cluster.StopNodeAsync(2);
        try
        {
            var error = await Should.ThrowAsync<ClickHouseException>(() => store.ImportAsync(Records(), cancellationToken: Token));
            error.Message.ShouldContain("down or unreachable");
        }
        finally
        {
            await cluster.StartNodeAsync(2);
        }

        var counts = await store.ImportAsync(Records(), cancellationToken: Token);

        (counts.Accounts + counts.Duplicates).ShouldBe(3);
        counts.Actions.ShouldBe(9);
        var sink = new RecordingSink();
        await store.ReadWindowAsync(D, 1, sink, Token);
        sink.Rows("rollup").ShouldBe(["rollup x:bob -> x:alice like 2024-03-10 x2", "rollup x:dave -> x:alice reply 2024-03-10 x1"]);
    }

    private static ScoreRun Run(int people) => new(D, "v1", false, DateTimeOffset.UnixEpoch, 1, people, 0, 0);

    private static ScoreSnapshot Snap(string person, double score) => new(person, D, "v1", score, Buckets.Of(score));
}
