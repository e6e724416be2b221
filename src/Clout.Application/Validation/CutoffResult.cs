namespace Clout.Application.Validation;

/// <summary>
/// One cutoff: how many accounts were active before it, how many received anything after it, and each
/// predictor's agreement with the future distinct engagers (<see cref="Metrics"/>) and the future action count
/// (<see cref="CountMetrics"/>). Predictor names: clout (or clout_VERSION), reach, amplification,
/// network_impact, and the baselines.
/// </summary>
public sealed record CutoffResult(DateOnly Cutoff, int Accounts, int AccountsWithFuture, long FutureActions, IReadOnlyDictionary<string, MetricSet> Metrics, IReadOnlyDictionary<string, MetricSet> CountMetrics);
