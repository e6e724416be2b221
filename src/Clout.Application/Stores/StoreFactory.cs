using Clout.Core.Storage;
using Clout.Storage.ClickHouse;
using Clout.Storage.Sqlite;

namespace Clout.Application.Stores;

/// <summary>Opens (and migrates) the store a URI names: <c>sqlite:PATH</c> or <c>clickhouse://…</c>.</summary>
public static class StoreFactory
{
    public static async Task<ICloutStore> OpenAsync(string uri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        var parsed = StoreUri.Parse(uri);
        ICloutStore store = parsed.Kind switch
        {
            StoreKind.Sqlite => new SqliteStore(parsed.Path!),
            StoreKind.ClickHouse => new ClickHouseStore(ClickHouseStoreOptions.FromUri(parsed)),
            _ => throw new FormatException($"store '{uri}': unknown kind"),
        };

        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }

        return store;
    }
}
