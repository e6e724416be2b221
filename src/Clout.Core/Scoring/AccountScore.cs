using Clout.Core.Domain;

namespace Clout.Core.Scoring;

/// <summary>
/// An account's result on a day: its actor <see cref="Quality"/> (0..1, how much its actions count), its influence
/// <see cref="Value"/> (before calibration) and the score it would have alone.
/// </summary>
public sealed record AccountScore(Network Network, string Account, string Person, double Quality, double Value, double Score);
