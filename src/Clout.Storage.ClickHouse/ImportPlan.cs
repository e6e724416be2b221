using Clout.Core.Records;

namespace Clout.Storage.ClickHouse;

/// <summary>The rows one import batch adds: new records, and stub accounts for referenced accounts nobody described.</summary>
internal sealed class ImportPlan
{
    public List<AccountRecord> Accounts { get; } = [];

    /// <summary>Account keys (network, id, key text) that get a stub row.</summary>
    public List<(Core.Domain.Network Network, string Id, string Key)> Stubs { get; } = [];

    public List<PostRecord> Posts { get; } = [];

    public List<ActionRecord> Actions { get; } = [];

    public List<MetricsRecord> Metrics { get; } = [];
}
