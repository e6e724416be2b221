namespace Clout.Application.Ranking;

/// <summary>A node by the id it has in the input file, and its rank (ranks sum to 1).</summary>
public sealed record RankedNode(long Id, double Rank);
