using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Storage.ClickHouse;

namespace Clout.Storage.Tests.ClickHouse;

/// <summary>What the contract cannot see: where rows land on the shards, cluster checks, unreachable nodes.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseClusterTests(ClickHouseCluster cluster)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inserts_through_distributed_tables_keep_each_targets_activity_on_one_shard()
    {
        cluster.Require();
        var options = cluster.Options();
        await using var store = new ClickHouseStore(options);
        await store.MigrateAsync(Token);
        var time = new DateTimeOffset(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var actions = Enumerable.Range(0, 200)
            .SelectMany(t => new[] { ("a", t), ("b", t) })
            .Select((p, i) => new ActionRecord(Network.X, $"act{i}", ActionKind.Like, $"{p.Item1}{p.Item2}", $"target{p.Item2}", time))
            .ToList();

        (await store.ImportAsync(actions, cancellationToken: Token)).Actions.ShouldBe(400);

        var db = options.Database;
        var perNode = new List<long>();
        var targetsPerNode = new List<long>();
        for (var node = 0; node < 2; node++)
        {
            perNode.Add(long.Parse(await cluster.QueryNodeAsync(node, $"SELECT count() FROM {db}.actions_local"), System.Globalization.CultureInfo.InvariantCulture));
            targetsPerNode.Add(long.Parse(await cluster.QueryNodeAsync(node, $"SELECT uniqExact(target) FROM {db}.actions_local"), System.Globalization.CultureInfo.InvariantCulture));
            (await cluster.QueryNodeAsync(node, $"SELECT sum(count) FROM {db}.rollups_local")).ShouldBe(perNode[node].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        perNode.ShouldAllBe(n => n > 0);
        perNode.Sum().ShouldBe(400);
        targetsPerNode.Sum().ShouldBe(200);
    }

    [Fact]
    public async Task Migrating_with_a_cluster_the_nodes_do_not_define_names_it()
    {
        cluster.Require();
        await using var store = new ClickHouseStore(cluster.Options() with { Cluster = "nope" });
        var error = await Should.ThrowAsync<ClickHouseException>(() => store.MigrateAsync(Token));
        error.Message.ShouldContain("no cluster 'nope'");
    }

    [Fact]
    public async Task Migrating_with_only_some_of_the_nodes_listed_asks_for_all_of_them()
    {
        cluster.Require();
        await using var store = new ClickHouseStore(cluster.Options() with { Nodes = [cluster.Nodes[0]] });
        var error = await Should.ThrowAsync<ClickHouseException>(() => store.MigrateAsync(Token));
        error.Message.ShouldContain("list the HTTP address of every node");
    }

    [Fact]
    public async Task A_query_error_names_the_node_and_the_error()
    {
        cluster.Require();
        await using var store = new ClickHouseStore(cluster.Options());
        var error = await Should.ThrowAsync<ClickHouseException>(() => store.GetSettingAsync("x", Token));
        error.Code.ShouldBe(81);
        error.Message.ShouldContain($"127.0.0.1:{cluster.BasePort}");
        error.Message.ShouldContain("run the migrations");
    }

    [Fact]
    public async Task A_node_nobody_listens_on_gives_a_clear_error()
    {
        await using var store = new ClickHouseStore(new ClickHouseStoreOptions
        {
            Nodes = [new Uri("http://127.0.0.1:9/")],
            Database = "clout",
            Retries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        });
        var error = await Should.ThrowAsync<ClickHouseException>(() => store.MigrateAsync(Token));
        error.Message.ShouldContain("cannot reach ClickHouse node 127.0.0.1:9");
        error.Transient.ShouldBeTrue();
    }

    [Fact]
    public async Task Compressed_requests_and_responses_give_the_same_window()
    {
        cluster.Require();
        await using var plain = new ClickHouseStore(cluster.Options());
        await using var compressed = new ClickHouseStore(cluster.Options() with { Compress = true });
        await plain.MigrateAsync(Token);
        await compressed.MigrateAsync(Token);
        await plain.ImportAsync(Contract.ContractData.Records(), cancellationToken: Token);
        await compressed.ImportAsync(Contract.ContractData.Records(), cancellationToken: Token);

        var a = new Contract.RecordingSink();
        var b = new Contract.RecordingSink();
        await plain.ReadWindowAsync(Contract.ContractData.D, 90, a, Token);
        await compressed.ReadWindowAsync(Contract.ContractData.D, 90, b, Token);

        b.Lines().ShouldBe(a.Lines());
        b.Lines().Count.ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task Credentials_are_sent_and_a_wrong_password_is_named()
    {
        cluster.Require();
        await using var store = new ClickHouseStore(cluster.Options() with { User = "clout", Password = "clout" });
        await store.MigrateAsync(Token);
        await store.SetSettingAsync("k", "v", Token);

        await using var wrong = new ClickHouseStore(cluster.Options() with { User = "clout", Password = "nope" });
        var error = await Should.ThrowAsync<ClickHouseException>(() => wrong.GetSettingAsync("k", Token));
        error.Message.ShouldContain("Check the user and password");
    }

    [Fact]
    public async Task A_query_that_fails_while_streaming_raises_an_error_instead_of_returning_rows()
    {
        cluster.Require();
        using var http = new Clout.Storage.ClickHouse.Http.ClickHouseHttp(cluster.Options(retries: 0));
        long rows = 0;
        var error = await Should.ThrowAsync<ClickHouseException>(() => http.QueryAsync(
            "SELECT number, throwIf(number = 150000) FROM system.numbers LIMIT 300000 SETTINGS max_block_size = 1000",
            2,
            r => rows += r.Int64(1) == 0 ? 1 : 0,
            Token));
        error.Code.ShouldBe(395);
        rows.ShouldBeLessThan(300_000);
    }
}
