namespace Clout.Application.Sync;

/// <summary>
/// One attempt failed in a way worth retrying (5xx, 429, a truncated body). <see cref="Wait"/> is how long the server
/// asked to wait (Retry-After or its rate-limit reset), when it said.
/// </summary>
internal sealed class TransientFetchProblem(string message, TimeSpan? wait = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? Wait { get; } = wait;
}
