namespace Clout.Core.Scoring;

/// <summary>What changed between two snapshots of a person: the items add up to <see cref="Delta"/>.</summary>
public sealed record ScoreChanges(string Person, DateOnly From, DateOnly To, double ScoreFrom, double ScoreTo, IReadOnlyList<ChangeItem> Items)
{
    public double Delta => ScoreTo - ScoreFrom;
}
