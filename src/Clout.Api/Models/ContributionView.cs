using Clout.Core.Domain;
using Clout.Core.Scoring;

namespace Clout.Api.Models;

/// <summary>Points of the score attributed to one measured signal of one account.</summary>
public sealed record ContributionView(string Label, double Points, string SubScore, string? Network, string? Account, string Signal, double Value)
{
    public static ContributionView Of(Contribution c) => new(c.Label, c.Points, c.SubScore, c.Network?.Name(), c.Account, c.Signal, c.Value);
}
