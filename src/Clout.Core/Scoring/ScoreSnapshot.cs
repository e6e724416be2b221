namespace Clout.Core.Scoring;

/// <summary>
/// A person's score on a day with one algorithm version. Sub-scores are in points: with <see cref="Audience"/>
/// and the base point they add up to <see cref="Score"/>.
/// </summary>
public sealed record ScoreSnapshot(string Person, DateOnly Day, string Version, double Score, string Bucket)
{
    public double Reach { get; init; }

    public double Amplification { get; init; }

    public double NetworkImpact { get; init; }

    public double Audience { get; init; }

    public double? DayChange { get; init; }

    public double? WeekChange { get; init; }

    public double? MonthChange { get; init; }

    public IReadOnlyList<NetworkPart> Networks { get; init; } = [];

    public Explanation Explanation { get; init; } = new();

    /// <summary>Topics the person is influential about, highest score first; empty for snapshots scored before topics existed.</summary>
    public IReadOnlyList<TopicScore> Topics { get; init; } = [];

    /// <summary>The person's influence style, or null when not measured.</summary>
    public InfluenceStyle? Style { get; init; }
}
