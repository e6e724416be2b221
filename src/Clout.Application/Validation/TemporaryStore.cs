using Clout.Storage.Sqlite;

namespace Clout.Application.Validation;

/// <summary>A real SQLite store in a temporary file, deleted (with its journal files) on dispose.</summary>
public sealed class TemporaryStore : IAsyncDisposable
{
    private TemporaryStore(string path, SqliteStore store)
    {
        Path = path;
        Store = store;
    }

    public string Path { get; }

    public SqliteStore Store { get; private set; }

    public static async Task<TemporaryStore> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clout-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var store = new SqliteStore(path);
        await store.MigrateAsync(cancellationToken);
        return new TemporaryStore(path, store);
    }

    /// <summary>A copy of this store's file (closed and reopened so the copy is complete), for a what-if run.</summary>
    public async Task<TemporaryStore> CopyAsync(string name, CancellationToken cancellationToken = default)
    {
        await Store.DisposeAsync();
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clout-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        File.Copy(Path, path);
        Store = new SqliteStore(Path);
        await Store.MigrateAsync(cancellationToken);
        var copy = new SqliteStore(path);
        await copy.MigrateAsync(cancellationToken);
        return new TemporaryStore(path, copy);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            try
            {
                File.Delete(Path + suffix);
            }
            catch (IOException)
            {
                // a leftover temporary file is harmless
            }
        }
    }
}
