using Clout.Storage.Sqlite;

namespace Clout.Cli.Tests.Topics;

/// <summary>A migrated SQLite store in a temporary folder, deleted with it.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("clout-topics-").FullName;

    private TempStore() => Store = new SqliteStore(Path.Combine(folder, "clout.db"));

    public SqliteStore Store { get; }

    public static async Task<TempStore> CreateAsync()
    {
        var temp = new TempStore();
        await temp.Store.MigrateAsync();
        return temp;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
