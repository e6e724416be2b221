namespace Clout.Application.Validation;

/// <summary>
/// Gaming resistance: for each score level and volume, the mean score change of each injection, the ratios to
/// the same volume of genuine engagement, and how many targets' explanations flagged it.
/// </summary>
public sealed record GamingResult(string Population, DateOnly Day, string Version, IReadOnlyList<GamingRow> Rows)
{
    public static IReadOnlyList<string> Kinds { get; } = ["bought_engagement", "aged_bots", "fake_followers", "pod", "genuine_engagement", "genuine_follows"];
}
