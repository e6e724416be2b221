using System.Globalization;
using Clout.Core.Records;
using Clout.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const string SyncColumns = "id, connector, endpoint, follow, created, cursor, last_run, last_error, last_count";

    public async Task<IReadOnlyList<SyncSource>> ListSyncSourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SyncColumns} FROM sync_sources ORDER BY id";
        using var reader = command.ExecuteReader();
        var sources = new List<SyncSource>();
        while (reader.Read())
        {
            sources.Add(new SyncSource(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ParseTime(reader.GetString(4)))
            {
                Cursor = reader.IsDBNull(5) ? null : reader.GetString(5),
                LastRun = reader.IsDBNull(6) ? null : ParseTime(reader.GetString(6)),
                LastError = reader.IsDBNull(7) ? null : reader.GetString(7),
                LastCount = reader.GetInt64(8),
            });
        }

        return sources;
    }

    public async Task SaveSyncSourceAsync(SyncSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = Open();
        SaveSyncSource(connection, null, source);
    }

    public async Task<bool> RemoveSyncSourceAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM sync_sources WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery() > 0;
    }

    public Task<ImportCounts> ImportSyncPageAsync(IEnumerable<ImportRecord> records, SyncSource advanced, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(advanced);
        return ImportAsync(records, progress: null, (connection, tx) => SaveSyncSource(connection, tx, advanced), cancellationToken);
    }

    private static void SaveSyncSource(SqliteConnection connection, SqliteTransaction? tx, SyncSource s)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT OR REPLACE INTO sync_sources({SyncColumns}) VALUES ($id, $connector, $endpoint, $follow, $created, $cursor, $run, $error, $count)";
        command.Parameters.AddWithValue("$id", s.Id);
        command.Parameters.AddWithValue("$connector", s.Connector);
        command.Parameters.AddWithValue("$endpoint", s.Endpoint);
        command.Parameters.AddWithValue("$follow", s.Follow);
        command.Parameters.AddWithValue("$created", s.Created.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$cursor", (object?)s.Cursor ?? DBNull.Value);
        command.Parameters.AddWithValue("$run", s.LastRun is { } r ? r.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)s.LastError ?? DBNull.Value);
        command.Parameters.AddWithValue("$count", s.LastCount);
        command.ExecuteNonQuery();
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
