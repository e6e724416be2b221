using Clout.Core.Storage;
using Clout.Storage.ClickHouse;
using Clout.Storage.Tests.ClickHouse;

namespace Clout.Storage.Tests.Contract;

/// <summary>The store contract on a real two-shard ClickHouse cluster on loopback; each test has its own database.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseStoreContractTests(ClickHouseCluster cluster) : StoreContractTests
{
    protected override Task<ICloutStore> CreateStoreAsync()
    {
        cluster.Require();
        return Task.FromResult<ICloutStore>(new ClickHouseStore(cluster.Options()));
    }
}
