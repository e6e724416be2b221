namespace Clout.Engine.Ranking;

/// <summary>Damping, iteration limit and L1 tolerance of the propagation.</summary>
public sealed record PageRankOptions
{
    public double Damping { get; init; } = 0.85;

    public int MaxIterations { get; init; } = 40;

    /// <summary>Stops when the L1 change of an iteration falls below this (0: run all iterations).</summary>
    public double Tolerance { get; init; } = 1e-9;

    public int Threads { get; init; } = Environment.ProcessorCount;
}
