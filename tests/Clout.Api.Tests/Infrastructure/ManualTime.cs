namespace Clout.Api.Tests.Infrastructure;

/// <summary>A clock the tests move by hand, so rate limits are tested without sleeping.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
