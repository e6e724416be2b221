using Clout.Application.Keys;
using Clout.Application.Scoring;
using Clout.Application.Stores;
using Clout.Core.Storage;
using Clout.Engine.Model;
using Clout.Generator;

namespace Clout.Api.Tests.Infrastructure;

/// <summary>
/// A real SQLite file with a generated population of 300 people scored on three consecutive days, and API keys:
/// an active one with the server's limits, a revoked one, and one limited to 2 per second and 5 per day.
/// </summary>
public sealed class ScoredStore : IAsyncLifetime
{
    public static readonly DateOnly LastDay = new(2026, 11, 1);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "clout-api-tests", Guid.NewGuid().ToString("N"));

    public string Uri => "sqlite:" + Path.Combine(folder, "clout.db");

    public string Key { get; private set; } = string.Empty;

    public string RevokedKey { get; private set; } = string.Empty;

    public string LimitedKey { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        await using var store = await StoreFactory.OpenAsync(Uri);
        await store.ImportAsync(new PopulationGenerator(new GeneratorOptions { People = 300, Seed = 7, End = LastDay }).Generate());
        await new ScoringService(store, TimeProvider.System).ScoreRangeAsync(LastDay.AddDays(-2), LastDay, Algorithms.Default, shadow: false);
        var keys = new ApiKeyService(store, TimeProvider.System);
        Key = (await keys.CreateAsync("tests")).Token;
        var revoked = await keys.CreateAsync("revoked");
        await keys.RevokeAsync(revoked.Key.Id);
        RevokedKey = revoked.Token;
        LimitedKey = (await keys.CreateAsync("limited", perSecond: 2, perDay: 5)).Token;
    }

    public async Task<T> WithStoreAsync<T>(Func<ICloutStore, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var store = await StoreFactory.OpenAsync(Uri);
        return await read(store);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temp folder is cleaned up by the OS eventually.
        }

        return ValueTask.CompletedTask;
    }
}
