namespace Clout.Application.Validation;

/// <summary>Predictive validity of the score and the baselines at each cutoff.</summary>
public sealed record PredictiveResult(string Data, int Events, int Accounts, IReadOnlyList<CutoffResult> Cutoffs)
{
    /// <summary>Names of the rows that are baselines (the rest are the score and its parts).</summary>
    public static IReadOnlyList<string> Baselines { get; } = ["actions_received", "distinct_actors", "pagerank", "followers"];
}
