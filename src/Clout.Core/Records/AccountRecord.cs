using Clout.Core.Domain;

namespace Clout.Core.Records;

/// <summary>An account on a network. <see cref="Person"/> links it to a person; null means the account is its own person.</summary>
public sealed record AccountRecord(Network Network, string Id) : ImportRecord(Network)
{
    public string? Handle { get; init; }

    public string? Name { get; init; }

    public DateTimeOffset? Created { get; init; }

    public string? Person { get; init; }

    public string? Bio { get; init; }

    public string? Url { get; init; }

    /// <summary>Free-form labels, such as the generator's ground truth ("bought", "pod", "fake-follower").</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public AccountKey Key => new(Network, Id);
}
