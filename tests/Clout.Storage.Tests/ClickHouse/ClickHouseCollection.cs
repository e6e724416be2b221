namespace Clout.Storage.Tests.ClickHouse;

/// <summary>Tests that share one two-shard cluster, started once for the collection.</summary>
[CollectionDefinition(Name)]
public sealed class ClickHouseCollection : ICollectionFixture<ClickHouseCluster>
{
    public const string Name = "clickhouse cluster";
}
