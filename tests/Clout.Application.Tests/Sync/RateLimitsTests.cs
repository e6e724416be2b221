using Clout.Application.Sync;

namespace Clout.Application.Tests.Sync;

public sealed class RateLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Retry_after_in_seconds_is_the_wait() =>
        RateLimits.RetryAfter(Headers(("Retry-After", "120")), Now).ShouldBe(TimeSpan.FromMinutes(2));

    [Fact]
    public void Retry_after_as_an_HTTP_date_is_the_time_until_then() =>
        RateLimits.RetryAfter(Headers(("Retry-After", "Sun, 01 Nov 2026 12:00:30 GMT")), Now).ShouldBe(TimeSpan.FromSeconds(30));

    [Fact]
    public void A_Retry_after_date_in_the_past_is_no_wait() =>
        RateLimits.RetryAfter(Headers(("Retry-After", "Sun, 01 Nov 2026 11:00:00 GMT")), Now).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void Mastodon_resets_at_an_ISO_time() =>
        RateLimits.RetryAfter(Headers(("X-RateLimit-Reset", "2026-11-01T12:05:00.000Z")), Now).ShouldBe(TimeSpan.FromMinutes(5));

    [Fact]
    public void Reddit_resets_in_seconds() =>
        RateLimits.RetryAfter(Headers(("x-ratelimit-reset", "42")), Now).ShouldBe(TimeSpan.FromSeconds(42));

    [Fact]
    public void Twitter_resets_at_a_Unix_time() =>
        RateLimits.RetryAfter(Headers(("x-rate-limit-reset", (Now.ToUnixTimeSeconds() + 90).ToString(System.Globalization.CultureInfo.InvariantCulture))), Now).ShouldBe(TimeSpan.FromSeconds(90));

    [Fact]
    public void A_response_without_a_wait_says_nothing() =>
        RateLimits.RetryAfter(Headers(("Retry-After", "soon")), Now).ShouldBeNull();

    [Fact]
    public void An_exhausted_limit_waits_for_its_reset_and_a_remaining_one_does_not()
    {
        RateLimits.Exhausted(Headers(("x-ratelimit-remaining", "0.0"), ("x-ratelimit-reset", "17")), Now).ShouldBe(TimeSpan.FromSeconds(17));
        RateLimits.Exhausted(Headers(("X-RateLimit-Remaining", "299"), ("X-RateLimit-Reset", "2026-11-01T12:05:00Z")), Now).ShouldBeNull();
        RateLimits.Exhausted(Headers(), Now).ShouldBeNull();
    }
}
