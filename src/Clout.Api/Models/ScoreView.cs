using Clout.Core.Scoring;
using Clout.Core.Storage;

namespace Clout.Api.Models;

/// <summary>
/// A person's score on a day: score and bucket, deltas (null where there is no earlier score), sub-scores in
/// points (reach + amplification + network impact + audience + 1 base point = score) and the per-network parts.
/// </summary>
public sealed record ScoreView(
    string Person,
    DateOnly Day,
    string Version,
    double Score,
    string Bucket,
    double? DayChange,
    double? WeekChange,
    double? MonthChange,
    double Reach,
    double Amplification,
    double NetworkImpact,
    double Audience,
    IReadOnlyList<NetworkView> Networks,
    IReadOnlyList<string> Flags)
{
    /// <summary>The snapshot parts a score view shows (besides the score columns).</summary>
    public const SnapshotParts Parts = SnapshotParts.Networks | SnapshotParts.Flags;

    public static ScoreView Of(ScoreSnapshot s) =>
        new(s.Person, s.Day, s.Version, s.Score, s.Bucket, s.DayChange, s.WeekChange, s.MonthChange, s.Reach, s.Amplification, s.NetworkImpact, s.Audience,
            s.Networks.Select(NetworkView.Of).ToArray(), s.Explanation.Flags);
}
