namespace Clout.Application.Sync;

/// <summary>When follow mode stops: after a duration, after a number of events, whichever comes first.</summary>
public sealed record StreamLimits(TimeSpan? Duration, long? MaxEvents);
