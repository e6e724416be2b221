using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public async Task<string?> FindPersonByKloutIdAsync(long kloutId, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        if (FindByKloutId(connection, kloutId) is { } person)
        {
            return person;
        }

        // The lookup table is filled lazily for persons added since the last miss, so imports stay untouched.
        return CatchUpKloutIds(connection) > 0 ? FindByKloutId(connection, kloutId) : null;
    }

    public async Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO api_keys(id, name, hash, created, revoked, per_second, per_day) VALUES ($id, $name, $hash, $created, $revoked, $ps, $pd)";
        command.Parameters.AddWithValue("$id", key.Id);
        command.Parameters.AddWithValue("$name", key.Name);
        command.Parameters.AddWithValue("$hash", key.Hash);
        command.Parameters.AddWithValue("$created", key.Created.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$revoked", key.Revoked is { } r ? r.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
        command.Parameters.AddWithValue("$ps", key.PerSecond is { } ps ? ps : DBNull.Value);
        command.Parameters.AddWithValue("$pd", key.PerDay is { } pd ? pd : DBNull.Value);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new InvalidOperationException($"an API key with id '{key.Id}' or the same hash already exists", e);
        }
    }

    public async Task<ApiKey?> FindApiKeyAsync(string hash, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, hash, created, revoked, per_second, per_day FROM api_keys WHERE hash = $h";
        command.Parameters.AddWithValue("$h", hash);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadApiKey(reader) : null;
    }

    public async Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, hash, created, revoked, per_second, per_day FROM api_keys ORDER BY created, id";
        using var reader = command.ExecuteReader();
        var keys = new List<ApiKey>();
        while (reader.Read())
        {
            keys.Add(ReadApiKey(reader));
        }

        return keys;
    }

    public async Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET revoked = coalesce(revoked, $t) WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$t", when.ToString("O", CultureInfo.InvariantCulture));
        return command.ExecuteNonQuery() > 0;
    }

    private static string? FindByKloutId(SqliteConnection connection, long kloutId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT p.key FROM klout_ids k JOIN persons p ON p.id = k.person_id WHERE k.klout_id = $k";
        command.Parameters.AddWithValue("$k", kloutId);
        return command.ExecuteScalar() as string;
    }

    private static int CatchUpKloutIds(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        var pending = new List<(long Id, string Key)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = "SELECT id, key FROM persons WHERE id > (SELECT coalesce(max(person_id), 0) FROM klout_ids) ORDER BY id";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                pending.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        if (pending.Count == 0)
        {
            return 0;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        // A 63-bit collision is astronomically unlikely; the first person keeps the id if it ever happens.
        insert.CommandText = "INSERT OR IGNORE INTO klout_ids(klout_id, person_id) VALUES ($k, $p)";
        var k = insert.Parameters.Add("$k", SqliteType.Integer);
        var p = insert.Parameters.Add("$p", SqliteType.Integer);
        insert.Prepare();
        foreach (var (id, key) in pending)
        {
            k.Value = KloutId.Of(key);
            p.Value = id;
            insert.ExecuteNonQuery();
        }

        tx.Commit();
        return pending.Count;
    }

    private static ApiKey ReadApiKey(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture))
        {
            Revoked = r.IsDBNull(4) ? null : DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture),
            PerSecond = r.IsDBNull(5) ? null : r.GetInt32(5),
            PerDay = r.IsDBNull(6) ? null : r.GetInt32(6),
        };
}
