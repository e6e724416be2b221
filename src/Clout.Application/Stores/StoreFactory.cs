using Clout.Core.Storage;
using Clout.Storage.Sqlite;

namespace Clout.Application.Stores;

/// <summary>Opens (and migrates) the store a URI names.</summary>
public static class StoreFactory
{
    public static async Task<ICloutStore> OpenAsync(string uri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        ICloutStore store;
        if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = uri["sqlite:".Length..];
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new FormatException($"store '{uri}': expected sqlite:PATH with a file path");
            }

            store = new SqliteStore(path);
        }
        else
        {
            throw new FormatException($"store '{uri}': unknown kind; expected sqlite:PATH or clickhouse://HOST:PORT[,HOST:PORT…]/DATABASE?cluster=NAME");
        }

        await store.MigrateAsync(cancellationToken);
        return store;
    }
}
