namespace Clout.Application.Scoring;

/// <summary>What one scoring run did and how long each phase took.</summary>
public sealed record ScoreReport(DateOnly Day, string Version, bool Shadow, int People, int Accounts, long Edges, long Rows, int Iterations)
{
    public double ReadSeconds { get; init; }

    public double ModelSeconds { get; init; }

    public double ExplainSeconds { get; init; }

    public double WriteSeconds { get; init; }

    public double TotalSeconds => ReadSeconds + ModelSeconds + ExplainSeconds + WriteSeconds;

    public long PeakMemoryBytes { get; init; }
}
