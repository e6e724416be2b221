namespace Clout.Application.Validation;

/// <summary>A person whose score moves much between two versions, and the sub-score that moved most.</summary>
public sealed record VersionMover(string Person, double FromScore, double ToScore, string MainCause, double MainCauseChange);
