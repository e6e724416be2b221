namespace Clout.Engine.Ranking;

/// <summary>Ranks summing to 1, and how many iterations it took.</summary>
public sealed record PageRankResult(float[] Ranks, int Iterations, double LastDelta);
