namespace Clout.Core.Storage;

/// <summary>A person's score on one day.</summary>
public sealed record HistoryPoint(DateOnly Day, double Score, double Reach, double Amplification, double NetworkImpact);
