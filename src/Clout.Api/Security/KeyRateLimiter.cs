using System.Collections.Concurrent;

namespace Clout.Api.Security;

/// <summary>
/// Per-key limits kept in memory: a token bucket refilled at the per-second rate (bursts up to one second's worth)
/// and a counter per UTC day. Limits restart with the process, which is what a single-node install needs.
/// </summary>
public sealed class KeyRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    public RateDecision TryAcquire(string keyId, int perSecond, int perDay)
    {
        var bucket = buckets.GetOrAdd(keyId, _ => new Bucket());
        var now = time.GetUtcNow();
        lock (bucket)
        {
            var day = DateOnly.FromDateTime(now.UtcDateTime);
            if (bucket.Day != day)
            {
                bucket.Day = day;
                bucket.UsedToday = 0;
            }

            if (bucket.UsedToday >= perDay)
            {
                var midnight = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                return new RateDecision(false, Math.Max(1, (int)Math.Ceiling((midnight - now).TotalSeconds)), "day", perSecond, perDay, 0);
            }

            if (bucket.Refilled == default)
            {
                bucket.Tokens = perSecond;
            }
            else
            {
                var elapsed = Math.Max(0, (now - bucket.Refilled).TotalSeconds);
                bucket.Tokens = Math.Min(perSecond, bucket.Tokens + (elapsed * perSecond));
            }

            bucket.Refilled = now;
            if (bucket.Tokens < 1)
            {
                var wait = (1 - bucket.Tokens) / perSecond;
                return new RateDecision(false, Math.Max(1, (int)Math.Ceiling(wait)), "second", perSecond, perDay, perDay - bucket.UsedToday);
            }

            bucket.Tokens -= 1;
            bucket.UsedToday++;
            return new RateDecision(true, 0, null, perSecond, perDay, perDay - bucket.UsedToday);
        }
    }

    public long UsedToday(string keyId) =>
        buckets.TryGetValue(keyId, out var b) && b.Day == DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) ? b.UsedToday : 0;

    private sealed class Bucket
    {
        public double Tokens;
        public DateTimeOffset Refilled;
        public DateOnly Day;
        public long UsedToday;
    }
}
