using Clout.Core.Storage;
using Clout.Storage.Sqlite;

namespace Clout.Storage.Tests.Contract;

/// <summary>The store contract on the embedded SQLite store; each test has its own file.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests, IDisposable
{
    private readonly List<string> files = [];

    protected override Task<ICloutStore> CreateStoreAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clout-contract-{Guid.NewGuid():N}.db");
        files.Add(path);
        return Task.FromResult<ICloutStore>(new SqliteStore(path));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in files)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }
}
