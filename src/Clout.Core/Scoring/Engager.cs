using Clout.Core.Domain;

namespace Clout.Core.Scoring;

/// <summary>An account that moves a person (influencer) or is moved by them (influencee), with the effective weight between them.</summary>
public sealed record Engager(string Person, Network Network, string Account, string? Handle, double Weight, double Quality);
