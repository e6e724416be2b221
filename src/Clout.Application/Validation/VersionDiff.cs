namespace Clout.Application.Validation;

/// <summary>
/// How scores move from one version to another on a day: the distribution of absolute changes, the mean signed
/// change, how the change splits over the sub-scores (the causes) and the people who move most.
/// </summary>
public sealed record VersionDiff(string From, string To, DateOnly Day, ChangeDistribution Changes, double MeanChange, int Up, int Down, IReadOnlyDictionary<string, double> MeanPartChange, IReadOnlyDictionary<string, double> ShareOfChange, IReadOnlyList<VersionMover> Movers);
