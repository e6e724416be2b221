using Clout.Core.Scoring;

namespace Clout.Api.Models;

/// <summary>Why a person has their score: contributions that add up to it, engagement that counted for little, flags and totals.</summary>
public sealed record ExplanationView(
    string Person,
    DateOnly Day,
    string Version,
    double Score,
    IReadOnlyList<ContributionView> Contributions,
    IReadOnlyList<DiscountedSignal> Discounted,
    IReadOnlyList<string> Flags,
    IReadOnlyDictionary<string, double> Totals)
{
    public static ExplanationView Of(ScoreSnapshot s) =>
        new(s.Person, s.Day, s.Version, s.Score, s.Explanation.Contributions.Select(ContributionView.Of).ToArray(), s.Explanation.Discounted, s.Explanation.Flags, s.Explanation.Totals);
}
