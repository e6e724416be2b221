using Clout.Core.Domain;

namespace Clout.Core.Scoring;

/// <summary>
/// Points of a score attributed to one signal of one account. <see cref="SubScore"/> is "reach", "amplification",
/// "network_impact", "audience" or "base"; <see cref="Signal"/> names the measured quantity; <see cref="Value"/> is that
/// quantity as measured, so a reader can check the points against the data.
/// </summary>
public sealed record Contribution(string Label, double Points, string SubScore, Network? Network, string? Account, string Signal, double Value);
