namespace Clout.Application.Ranking;

/// <summary>A phase of <c>clout rank</c>: what it does, and the unit and total (0 when unknown) its progress counts.</summary>
public sealed record RankPhase(string Description, string Unit, long Total);
