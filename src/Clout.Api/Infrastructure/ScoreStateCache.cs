using System.Globalization;
using Clout.Application.Scoring;
using Clout.Core.Domain;
using Clout.Core.Storage;
using Microsoft.Extensions.Options;

namespace Clout.Api.Infrastructure;

/// <summary>Caches <see cref="ScoreState"/> for a few seconds: it changes once per scoring run, and every read needs it.</summary>
public sealed class ScoreStateCache(ICloutStore store, TimeProvider time, IOptions<ApiOptions> options)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (ScoreState State, DateTimeOffset Until)? cached;

    public async ValueTask<ScoreState> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (cached is { } c && c.Until > now)
        {
            return c.State;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } again && again.Until > now)
            {
                return again.State;
            }

            var version = await Versions.PublishedAsync(store, cancellationToken);
            var day = await store.GetLatestScoredDayAsync(version, cancellationToken);
            var runs = await store.GetRunsAsync(cancellationToken);
            // The newest run of the version, not only the latest day's: rescoring an old day changes its history too.
            var started = runs.Where(r => r.Version == version).Select(r => r.Started.ToUnixTimeMilliseconds()).DefaultIfEmpty().Max();
            var tag = $"\"{version}.{(day is { } d ? DayNumber.Of(d) : 0)}.{started.ToString(CultureInfo.InvariantCulture)}\"";
            var state = new ScoreState(version, day, tag);
            cached = (state, now.AddSeconds(options.Value.StateCacheSeconds));
            return state;
        }
        finally
        {
            gate.Release();
        }
    }
}
