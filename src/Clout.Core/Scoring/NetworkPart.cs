using Clout.Core.Domain;

namespace Clout.Core.Scoring;

/// <summary>What one linked account contributes to a person's score, in points, and its sub-score points.</summary>
public sealed record NetworkPart(Network Network, string Account, string? Handle, double Points, double Reach, double Amplification, double NetworkImpact, double Audience);
