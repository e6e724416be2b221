namespace Clout.Api.Security;

/// <summary>Whether a request may go ahead; if not, which limit it hit and how many seconds to wait.</summary>
public readonly record struct RateDecision(bool Allowed, int RetryAfterSeconds, string? Limit, int PerSecond, int PerDay, long RemainingToday);
