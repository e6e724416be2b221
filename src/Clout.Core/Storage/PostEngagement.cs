using Clout.Core.Domain;

namespace Clout.Core.Storage;

/// <summary>
/// Actions of one kind received by one post in a period: how many, and the sum of the actors' quality on the
/// quality day (actors without a stored quality count as <c>0.5</c>).
/// </summary>
public sealed record PostEngagement(Network Network, string PostId, string Author, ActionKind Kind, long Count, double QualitySum)
{
    public string? Text { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? Time { get; init; }
}
