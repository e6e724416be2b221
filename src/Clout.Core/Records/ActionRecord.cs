using Clout.Core.Domain;

namespace Clout.Core.Records;

/// <summary>
/// One account acting on another: <see cref="Actor"/> does <see cref="ActionRecord.Kind"/> to <see cref="Target"/>,
/// optionally on a post of the target. <see cref="Id"/> is the source's id, used to deduplicate re-imports;
/// sources without ids synthesise a stable one from the fields.
/// </summary>
public sealed record ActionRecord(Network Network, string Id, ActionKind Kind, string Actor, string Target, DateTimeOffset Time) : ImportRecord(Network)
{
    public string? Post { get; init; }

    /// <summary>The topic of an endorsement, or the name of a list.</summary>
    public string? Topic { get; init; }
}
