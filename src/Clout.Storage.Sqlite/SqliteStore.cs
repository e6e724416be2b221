using System.Runtime.CompilerServices;
using Clout.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode. Raw events are deduplicated by (network, source id)
/// and daily roll-ups are kept in step with them inside the import transaction.
/// </summary>
public sealed partial class SqliteStore : ICloutStore
{
    private readonly string connectionString;

    /// <summary>
    /// SQLite in multi-thread mode instead of serialized: a connection no longer takes its mutex on every call (each
    /// column read and bind did, 12 % of the window read's thread once the other per-call costs were gone). This is
    /// safe because a connection is only ever used by one thread at a time: every store method opens its own from
    /// the pool and uses it in sequence (the write's encoders and the import's parser run beside it without touching
    /// it), and interrupting a statement on cancellation is safe from any thread in either mode. SQLite's own shared
    /// state (memory, page cache) keeps its locks. The mode can only be set before SQLite is first used in the
    /// process; when something opened a connection earlier, SQLite stays serialized, which is only slower.
    /// </summary>
    static SqliteStore()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD);
    }

    public SqliteStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string Path { get; }

    public string Location => $"sqlite:{Path}";

    public bool AtomicImport => true;

    /// <summary>How many days of explanations are kept; older snapshots keep their scores and sub-scores only.</summary>
    public int ExplanationRetentionDays { get; init; } = 35;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    // A connection of its own (not pooled, so clearing the pool for a journal switch never closes it), opened in WAL
    // mode and past its first read, which is what makes another connection's switch to the rollback journal fail.
    public IDisposable? HoldForReaders()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=60000; PRAGMA journal_mode=WAL; SELECT count(*) FROM sqlite_master;";
            command.ExecuteScalar();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a pooled connection. The connection settings are applied once per underlying SQLite connection, not on
    /// every open: a pooled connection keeps them, and running seven statements on each open was a large part of a
    /// small API request. Code that changes one of these settings must set it back before closing.
    /// </summary>
    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        var handle = connection.Handle!;
        if (!Configured.TryGetValue(handle, out _))
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-262144; PRAGMA mmap_size=1073741824; PRAGMA busy_timeout=60000;";
            pragma.ExecuteNonQuery();
            Configured.AddOrUpdate(handle, Configured);
        }

        return connection;
    }

    /// <summary>Underlying SQLite connections whose settings are applied (weak: a connection the pool closes drops out).</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

    public Task MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(LatestSchemaVersion, cancellationToken);

    /// <summary>Applies the migration steps up to and including <paramref name="through"/> (an older schema, for upgrade tests).</summary>
    internal async Task MigrateAsync(int through, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, applied TEXT NOT NULL, description TEXT NOT NULL);";
            create.ExecuteNonQuery();
        }

        var current = CurrentVersion(connection);
        foreach (var (version, description, sql) in SqliteMigrations.Steps)
        {
            if (version <= current || version > through)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            using var tx = connection.BeginTransaction();
            using (var step = connection.CreateCommand())
            {
                step.Transaction = tx;
                step.CommandText = sql;
                step.ExecuteNonQuery();
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_migrations(version, applied, description) VALUES ($v, $t, $d)";
                record.Parameters.AddWithValue("$v", version);
                record.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
                record.Parameters.AddWithValue("$d", description);
                record.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'";
        return Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0 ? 0 : CurrentVersion(connection);
    }

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestSchemaVersion => SqliteMigrations.Steps[^1].Version;

    private static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM settings WHERE key = $k";
        command.Parameters.AddWithValue("$k", key);
        return command.ExecuteScalar() as string;
    }

    public async Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO settings(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }
}
