using Clout.Core.Domain;
using Clout.Core.Scoring;

namespace Clout.Api.Models;

/// <summary>What one linked account adds to the score, in points, split by sub-score.</summary>
public sealed record NetworkView(string Network, string Account, string? Handle, double Points, double Reach, double Amplification, double NetworkImpact, double Audience)
{
    public static NetworkView Of(NetworkPart n) => new(n.Network.Name(), n.Account, n.Handle, n.Points, n.Reach, n.Amplification, n.NetworkImpact, n.Audience);
}
