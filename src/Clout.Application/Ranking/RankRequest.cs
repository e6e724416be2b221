namespace Clout.Application.Ranking;

/// <summary>What <c>clout rank</c> runs: the edge list, its reading, and the propagation's settings.</summary>
public sealed record RankRequest(string EdgesPath)
{
    public bool Weighted { get; init; }

    /// <summary>Fixed number of iterations, or null to run until <see cref="Tolerance"/> (at most <see cref="MaxIterations"/>).</summary>
    public int? Iterations { get; init; }

    public double Tolerance { get; init; } = 1e-6;

    public int MaxIterations { get; init; } = 100;

    public double Damping { get; init; } = 0.85;

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Renumber vertices by descending out-degree before building, for cache locality.</summary>
    public bool DegreeOrder { get; init; } = true;

    public int Top { get; init; } = 10;
}
