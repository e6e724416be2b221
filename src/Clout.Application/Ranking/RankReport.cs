namespace Clout.Application.Ranking;

/// <summary>The result of one <c>clout rank</c> run, with each phase's wall time and the peak memory.</summary>
public sealed record RankReport(
    int Nodes,
    long Edges,
    bool Weighted,
    double LoadSeconds,
    double BuildSeconds,
    double RankSeconds,
    int Iterations,
    double LastDelta,
    IReadOnlyList<RankedNode> Top,
    long PeakMemoryBytes)
{
    /// <summary>Every node's rank, by compact node id.</summary>
    public float[] Ranks { get; init; } = [];

    /// <summary>The file id of each compact node id.</summary>
    public long[] NodeIds { get; init; } = [];

    /// <summary>Edges handled per second in one iteration.</summary>
    public double EdgesPerSecondPerIteration => RankSeconds > 0 && Iterations > 0 ? Edges * Iterations / RankSeconds : 0;
}
