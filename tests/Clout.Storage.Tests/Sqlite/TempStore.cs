using Clout.Storage.Sqlite;

namespace Clout.Storage.Tests.Sqlite;

/// <summary>A real SQLite store in a temporary file, deleted afterwards.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    public TempStore()
        : this(referenceImport: false)
    {
    }

    /// <param name="referenceImport">Import through the staging-table reference writer.</param>
    public TempStore(bool referenceImport)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clout-test-{Guid.NewGuid():N}.db");
        Store = new SqliteStore(Path) { ReferenceImport = referenceImport };
    }

    public string Path { get; }

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
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
