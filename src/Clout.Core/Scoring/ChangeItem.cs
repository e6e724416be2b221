using Clout.Core.Domain;

namespace Clout.Core.Scoring;

/// <summary>One cause of a score change: the points a signal gained or lost, and the measured value before and after.</summary>
public sealed record ChangeItem(string Label, double Points, string Signal, Network? Network, string? Account, double ValueBefore, double ValueAfter, string Description);
