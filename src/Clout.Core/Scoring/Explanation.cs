namespace Clout.Core.Scoring;

/// <summary>
/// Why a person has their score on a day. The points of <see cref="Contributions"/> add up to the score.
/// </summary>
public sealed record Explanation
{
    public IReadOnlyList<Contribution> Contributions { get; init; } = [];

    public IReadOnlyList<DiscountedSignal> Discounted { get; init; } = [];

    /// <summary>Plain-language warnings, such as "likely bought engagement".</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    public IReadOnlyList<Engager> Influencers { get; init; } = [];

    public IReadOnlyList<Engager> Influencees { get; init; } = [];

    /// <summary>Totals behind the score: distinct engagers, effective actions, posts, followers.</summary>
    public IReadOnlyDictionary<string, double> Totals { get; init; } = new Dictionary<string, double>();
}
