using Clout.Core.Domain;
using Clout.Core.Scoring;

namespace Clout.Api.Models;

/// <summary>An account that moves a person (influencer) or is moved by them (influencee), and the weight between them.</summary>
public sealed record EngagerView(string Person, string Network, string Account, string? Handle, double Weight, double Quality)
{
    public static EngagerView Of(Engager e) => new(e.Person, e.Network.Name(), e.Account, e.Handle, e.Weight, e.Quality);
}
