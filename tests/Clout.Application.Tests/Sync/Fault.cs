namespace Clout.Application.Tests.Sync;

/// <summary>A failure the replay server injects once, on the next request whose path contains <see cref="Path"/>.</summary>
internal sealed record Fault(string Path, FaultKind Kind, string? RetryAfter = null, string? ResetHeader = null);

internal enum FaultKind
{
    /// <summary>429 with Retry-After and/or a rate-limit reset header.</summary>
    TooManyRequests,

    /// <summary>500 Internal Server Error.</summary>
    ServerError,

    /// <summary>503 Service Unavailable.</summary>
    Unavailable,

    /// <summary>No answer until the client gives up.</summary>
    Stall,

    /// <summary>Content-Length of the whole body, half of it sent, then the connection aborted.</summary>
    Truncated,

    /// <summary>A complete HTTP response whose JSON body is cut in half.</summary>
    CutJson,

    /// <summary>A normal answer whose headers say the rate limit is used up until an hour from now.</summary>
    LimitUsedUp,

    /// <summary>404, which retrying cannot fix.</summary>
    NotFound,
}
