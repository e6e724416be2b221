using System.Runtime.CompilerServices;
using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const string AccountColumns = "a.network, a.source_id, a.handle, a.name, a.created, p.key, a.labels, a.bio, a.url";

    public async Task<PersonInfo?> GetPersonAsync(string person, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        return LoadPerson(connection, person);
    }

    public async Task<PersonInfo?> GetPersonByAccountAsync(AccountKey account, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT p.key FROM accounts a JOIN persons p ON p.id = a.person_id WHERE a.network = $n AND a.source_id = $s";
        command.Parameters.AddWithValue("$n", (int)account.Network);
        command.Parameters.AddWithValue("$s", account.Id);
        return command.ExecuteScalar() is string key ? LoadPerson(connection, key) : null;
    }

    public async Task<IReadOnlyList<PersonInfo>> SearchPeopleAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = Open();
        using var command = connection.CreateCommand();
        // Exact matches first, then prefixes; handles and names are compared without case.
        command.CommandText = """
            SELECT key FROM (
                SELECT p.key AS key, 0 AS rank FROM persons p WHERE p.key = $q COLLATE NOCASE
                UNION ALL SELECT p.key, 1 FROM accounts a JOIN persons p ON p.id = a.person_id WHERE a.handle = $q
                UNION ALL SELECT p.key, 2 FROM persons p WHERE p.key LIKE $prefix ESCAPE '\' OR p.name LIKE $prefix ESCAPE '\'
                UNION ALL SELECT p.key, 3 FROM accounts a JOIN persons p ON p.id = a.person_id WHERE a.handle LIKE $prefix ESCAPE '\' OR a.name LIKE $prefix ESCAPE '\')
            WHERE EXISTS (SELECT 1 FROM accounts a JOIN persons p ON p.id = a.person_id WHERE p.key = key)
            GROUP BY key ORDER BY min(rank), key LIMIT $limit
            """;
        command.Parameters.AddWithValue("$q", query.Trim().TrimStart('@'));
        command.Parameters.AddWithValue("$prefix", EscapeLike(query.Trim().TrimStart('@')) + "%");
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
        var keys = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }
        }

        var people = new List<PersonInfo>(keys.Count);
        foreach (var key in keys)
        {
            if (LoadPerson(connection, key) is { } person)
            {
                people.Add(person);
            }
        }

        return people;
    }

    public async IAsyncEnumerable<AccountInfo> GetAccountsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AccountColumns}, a.raw FROM accounts a JOIN persons p ON p.id = a.person_id ORDER BY a.id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReadAccount(reader) with { Raw = reader.IsDBNull(9) ? null : reader.GetString(9) };
        }
    }

    public async Task<bool> LinkAsync(string person, AccountKey account, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(person);
        await using var connection = Open();
        using var tx = connection.BeginTransaction();
        using var upsert = connection.CreateCommand();
        upsert.Transaction = tx;
        upsert.CommandText = "INSERT INTO persons(key) VALUES ($k) ON CONFLICT(key) DO UPDATE SET key = excluded.key RETURNING id";
        upsert.Parameters.AddWithValue("$k", person);
        var personId = (long)upsert.ExecuteScalar()!;
        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = "UPDATE accounts SET person_id = $p WHERE network = $n AND source_id = $s";
        update.Parameters.AddWithValue("$p", personId);
        update.Parameters.AddWithValue("$n", (int)account.Network);
        update.Parameters.AddWithValue("$s", account.Id);
        if (update.ExecuteNonQuery() == 0)
        {
            return false; // rolled back: no empty person is left behind
        }

        tx.Commit();
        return true;
    }

    public Task<bool> UnlinkAsync(AccountKey account, CancellationToken cancellationToken = default) =>
        LinkAsync(PersonId.Of(account).Value, account, cancellationToken);

    private static PersonInfo? LoadPerson(SqliteConnection connection, string person)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AccountColumns}, p.name FROM accounts a JOIN persons p ON p.id = a.person_id WHERE p.key = $k ORDER BY a.network, a.source_id";
        command.Parameters.AddWithValue("$k", person);
        using var reader = command.ExecuteReader();
        var accounts = new List<AccountInfo>();
        string? name = null;
        while (reader.Read())
        {
            accounts.Add(ReadAccount(reader));
            name ??= reader.IsDBNull(9) ? null : reader.GetString(9);
        }

        if (accounts.Count == 0)
        {
            return null;
        }

        name ??= accounts.Select(a => a.Name).FirstOrDefault(n => n is not null);
        return new PersonInfo(person, name, accounts);
    }

    private static AccountInfo ReadAccount(SqliteDataReader reader) =>
        new(
            (Network)reader.GetInt32(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(4)),
            reader.GetString(5))
        {
            Labels = reader.IsDBNull(6) ? [] : JsonSerializer.Deserialize<string[]>(reader.GetString(6)) ?? [],
            Bio = reader.IsDBNull(7) ? null : reader.GetString(7),
            Url = reader.IsDBNull(8) ? null : reader.GetString(8),
        };

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
