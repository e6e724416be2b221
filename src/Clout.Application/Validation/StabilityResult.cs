namespace Clout.Application.Validation;

/// <summary>
/// Day-to-day stability: absolute daily changes of people whose own activity did not change that day (no action
/// sent or received, no post) and of everyone scored on both days; optionally a version comparison.
/// </summary>
public sealed record StabilityResult(string Population, string Version, DateOnly From, DateOnly To, ChangeDistribution Quiet, ChangeDistribution Everyone, VersionDiff? Comparison);
