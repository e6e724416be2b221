using Clout.Core.Storage;

namespace Clout.Api.Infrastructure;

/// <summary>
/// Opens (and migrates) the store when the server starts rather than on the first request, so a bad store URI
/// stops the start with its message; brings the Klout id lookup up to date; and holds the store for readers while
/// the server runs (<see cref="ICloutStore.HoldForReaders"/>: a daily run in another process then keeps SQLite's
/// write-ahead log, and requests go on reading the previous day while it writes).
/// </summary>
public sealed class StoreWarmup(IServiceProvider services) : IHostedService, IDisposable
{
    private IDisposable? hold;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ICloutStore>();
        hold = store.HoldForReaders();

        // Id 0 is never assigned: the miss fills the lookup table for every person stored so far.
        await store.FindPersonByKloutIdAsync(0, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        hold?.Dispose();
        hold = null;
    }
}
