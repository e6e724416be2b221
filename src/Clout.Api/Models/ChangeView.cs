using Clout.Core.Domain;
using Clout.Core.Scoring;

namespace Clout.Api.Models;

/// <summary>One cause of a change: points gained or lost and the measured value before and after.</summary>
public sealed record ChangeView(string Label, double Points, string Signal, string? Network, string? Account, double ValueBefore, double ValueAfter, string Description)
{
    public static ChangeView Of(ChangeItem i) => new(i.Label, i.Points, i.Signal, i.Network?.Name(), i.Account, i.ValueBefore, i.ValueAfter, i.Description);
}
