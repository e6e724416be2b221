namespace Clout.Application.Progress;

/// <summary>
/// A phase of long work (<c>clout rank</c>, the daily run): what it does, and the unit and total (0 when unknown) of
/// what the run's <see cref="IProgress{T}"/> of <see cref="long"/> then counts.
/// </summary>
public sealed record WorkPhase(string Description, string Unit, long Total);
