using Clout.Core.Domain;

namespace Clout.Core.Records;

/// <summary>
/// Counters a source reports for an account on a date, covering the <see cref="Days"/> before it:
/// audience (followers, following, lists, posts) and actions received and sent over that period.
/// </summary>
public sealed record MetricsRecord(Network Network, string Account, DateOnly Date) : ImportRecord(Network)
{
    public int Days { get; init; } = 90;

    public long? Followers { get; init; }

    public long? Following { get; init; }

    public long? Lists { get; init; }

    public long? Posts { get; init; }

    public IReadOnlyDictionary<ActionKind, long> Received { get; init; } = new Dictionary<ActionKind, long>();

    public IReadOnlyDictionary<ActionKind, long> Sent { get; init; } = new Dictionary<ActionKind, long>();
}
