using System.Globalization;

namespace Clout.Application.Sync;

/// <summary>
/// How long a server asks a client to wait: <c>Retry-After</c> (seconds or an HTTP date), or the reset of an
/// exhausted rate limit. Reset headers differ by network: Mastodon sends an ISO 8601 time
/// (<c>X-RateLimit-Reset</c>), Reddit seconds until the reset (<c>x-ratelimit-reset</c>), Twitter a Unix time
/// (<c>x-rate-limit-reset</c>); a number is read as a Unix time when it is one, else as seconds from now.
/// </summary>
public static class RateLimits
{
    private static readonly string[] RemainingHeaders = ["x-ratelimit-remaining", "x-rate-limit-remaining"];
    private static readonly string[] ResetHeaders = ["x-ratelimit-reset", "x-rate-limit-reset"];

    /// <summary>The wait a 429 or 503 asks for, or null when it does not say.</summary>
    public static TimeSpan? RetryAfter(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.TryGetValue("retry-after", out var retryAfter))
        {
            if (double.TryParse(retryAfter.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParseExact(retryAfter.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return Positive(at - now);
            }
        }

        return Reset(headers, now);
    }

    /// <summary>The wait until the reset when a response says no requests remain, else null.</summary>
    public static TimeSpan? Exhausted(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var name in RemainingHeaders)
        {
            if (headers.TryGetValue(name, out var text)
                && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var remaining))
            {
                return remaining < 1 ? Reset(headers, now) : null;
            }
        }

        return null;
    }

    private static TimeSpan? Reset(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        foreach (var name in ResetHeaders)
        {
            if (!headers.TryGetValue(name, out var text))
            {
                continue;
            }

            text = text.Trim();
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0)
            {
                // Nobody waits 30 years: a number that large is a Unix time, a small one is seconds from now.
                return number > 1_000_000_000 ? Positive(DateTimeOffset.UnixEpoch.AddSeconds(number) - now) : TimeSpan.FromSeconds(number);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return Positive(at - now);
            }
        }

        return null;
    }

    private static TimeSpan Positive(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
}
