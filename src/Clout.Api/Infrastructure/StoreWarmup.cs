using Clout.Core.Storage;

namespace Clout.Api.Infrastructure;

/// <summary>
/// Opens (and migrates) the store when the server starts rather than on the first request, so a bad store URI
/// stops the start with its message; and brings the Klout id lookup up to date.
/// </summary>
public sealed class StoreWarmup(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ICloutStore>();
        // Id 0 is never assigned: the miss fills the lookup table for every person stored so far.
        await store.FindPersonByKloutIdAsync(0, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
