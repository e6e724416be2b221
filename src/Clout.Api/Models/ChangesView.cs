using Clout.Core.Scoring;

namespace Clout.Api.Models;

/// <summary>What changed between two days: the items add up to <see cref="Delta"/>.</summary>
public sealed record ChangesView(string Person, DateOnly From, DateOnly To, double ScoreFrom, double ScoreTo, double Delta, IReadOnlyList<ChangeView> Items)
{
    public static ChangesView Of(ScoreChanges c) => new(c.Person, c.From, c.To, c.ScoreFrom, c.ScoreTo, c.Delta, c.Items.Select(ChangeView.Of).ToArray());
}
