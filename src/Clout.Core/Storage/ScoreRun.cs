namespace Clout.Core.Storage;

/// <summary>One scoring run for a day with one algorithm version. A shadow run does not replace published scores.</summary>
public sealed record ScoreRun(DateOnly Day, string Version, bool Shadow, DateTimeOffset Started, double Seconds, int People, int Accounts, long Edges);
