namespace Clout.Application.Sync;

/// <summary>How <c>clout sync</c> talks to the networks: retries, waits, timeouts and page sizes.</summary>
public sealed record SyncOptions
{
    /// <summary>Retries of one request after the first attempt (5xx, 429, timeouts, truncated bodies).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first backoff delay; later ones double, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait a 429 or an exhausted rate limit may ask for; longer requests wait this long.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>One attempt's limit, from sending the request to the last byte of the body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Items asked for per page, where the API lets the client choose (capped by each API's maximum).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Pages one source may fetch in one run; the rest waits for the next run (the cursor keeps the place).</summary>
    public int MaxPages { get; init; } = 1000;

    /// <summary>A stream run without follow mode ends after this long without a message.</summary>
    public TimeSpan StreamIdle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Stream events are stored in batches of this many, or sooner when the stream pauses.</summary>
    public int StreamBatch { get; init; } = 500;

    /// <summary>Secrets by name (access tokens, API keys); defaults to the environment. They are never stored.</summary>
    public Func<string, string?> Secret { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Check(MaxRetries is >= 0 and <= 100, "max retries", MaxRetries, "0 to 100");
        Check(RetryDelay >= TimeSpan.Zero && RetryDelay <= TimeSpan.FromHours(1), "retry delay", RetryDelay, "0 to 1 hour");
        Check(MaxRetryDelay >= RetryDelay, "max retry delay", MaxRetryDelay, "at least the retry delay");
        Check(MaxRateLimitWait >= TimeSpan.Zero && MaxRateLimitWait <= TimeSpan.FromDays(1), "max wait", MaxRateLimitWait, "0 to 1 day");
        Check(RequestTimeout >= TimeSpan.FromMilliseconds(10) && RequestTimeout <= TimeSpan.FromHours(1), "timeout", RequestTimeout, "10 ms to 1 hour");
        Check(PageSize is >= 1 and <= 1000, "page size", PageSize, "1 to 1000");
        Check(MaxPages >= 1, "max pages", MaxPages, "at least 1");
        Check(StreamBatch >= 1, "stream batch", StreamBatch, "at least 1");
    }

    private static void Check(bool ok, string name, object value, string expected)
    {
        if (!ok)
        {
            throw new ArgumentException($"sync option {name} {value} is out of range; expected {expected}");
        }
    }
}
