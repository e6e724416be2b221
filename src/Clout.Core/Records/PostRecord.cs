using Clout.Core.Domain;

namespace Clout.Core.Records;

/// <summary>Something an account published. <see cref="Parent"/> is the post id replied to, reshared or quoted.</summary>
public sealed record PostRecord(Network Network, string Id, string Account, DateTimeOffset Time, PostKind Kind) : ImportRecord(Network)
{
    public string? Text { get; init; }

    public string? Url { get; init; }

    public string? Parent { get; init; }
}
