using System.Globalization;
using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Sqlite;

/// <summary>
/// Writes records inside one transaction with prepared statements. Events are inserted only when their
/// (network, source id) is new, and only then counted into the daily roll-ups, so re-imports change nothing.
/// </summary>
internal sealed class SqliteImportWriter : IDisposable
{
    private readonly Dictionary<AccountKey, long> accountIds = [];
    private readonly SqliteCommand findAccount;
    private readonly SqliteCommand upsertPerson;
    private readonly SqliteCommand insertAccount;
    private readonly SqliteCommand updateAccount;
    private readonly SqliteCommand insertPost;
    private readonly SqliteCommand rollPost;
    private readonly SqliteCommand insertAction;
    private readonly SqliteCommand rollAction;
    private readonly SqliteCommand upsertMetrics;
    private readonly SqliteCommand findMetrics;
    private long accounts;
    private long posts;
    private long actions;
    private long metrics;
    private long duplicates;

    public SqliteImportWriter(SqliteConnection connection, SqliteTransaction tx)
    {
        findAccount = Prepare(connection, tx, "SELECT id FROM accounts WHERE network = $1 AND source_id = $2", 2);
        upsertPerson = Prepare(connection, tx, "INSERT INTO persons(key) VALUES ($1) ON CONFLICT(key) DO UPDATE SET key = excluded.key RETURNING id", 1);
        insertAccount = Prepare(connection, tx, """
            INSERT INTO accounts(network, source_id, handle, name, created, person_id, bio, url, labels, raw)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id
            """, 10);
        updateAccount = Prepare(connection, tx, """
            UPDATE accounts SET
                handle = coalesce($2, handle), name = coalesce($3, name), created = coalesce($4, created),
                person_id = coalesce($5, person_id), bio = coalesce($6, bio), url = coalesce($7, url),
                labels = coalesce($8, labels), raw = coalesce($9, raw)
            WHERE id = $1 AND (handle IS NOT coalesce($2, handle) OR name IS NOT coalesce($3, name)
                OR created IS NOT coalesce($4, created) OR person_id IS NOT coalesce($5, person_id)
                OR bio IS NOT coalesce($6, bio) OR url IS NOT coalesce($7, url)
                OR labels IS NOT coalesce($8, labels) OR raw IS NOT coalesce($9, raw))
            """, 9);
        insertPost = Prepare(connection, tx, """
            INSERT INTO posts(network, source_id, account_id, time, kind, parent, text, url, raw)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT(network, source_id) DO NOTHING
            """, 9);
        rollPost = Prepare(connection, tx, """
            INSERT INTO rollup_posts(day, account_id, kind, count) VALUES ($1, $2, $3, 1)
            ON CONFLICT(day, account_id, kind) DO UPDATE SET count = count + 1
            """, 3);
        insertAction = Prepare(connection, tx, """
            INSERT INTO actions(network, source_id, kind, actor_id, target_id, post, time, topic, raw)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT(network, source_id) DO NOTHING
            """, 9);
        rollAction = Prepare(connection, tx, """
            INSERT INTO rollup_actions(day, target_id, actor_id, kind, count) VALUES ($1, $2, $3, $4, 1)
            ON CONFLICT(day, target_id, actor_id, kind) DO UPDATE SET count = count + 1
            """, 4);
        findMetrics = Prepare(connection, tx, "SELECT 1 FROM metrics WHERE account_id = $1 AND day = $2", 2);
        upsertMetrics = Prepare(connection, tx, """
            INSERT INTO metrics(account_id, day, days, followers, following, lists, posts, received, sent, raw)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT(account_id, day) DO UPDATE SET days = excluded.days, followers = excluded.followers,
                following = excluded.following, lists = excluded.lists, posts = excluded.posts,
                received = excluded.received, sent = excluded.sent, raw = excluded.raw
            WHERE days IS NOT excluded.days OR followers IS NOT excluded.followers OR following IS NOT excluded.following
                OR lists IS NOT excluded.lists OR posts IS NOT excluded.posts OR received IS NOT excluded.received
                OR sent IS NOT excluded.sent OR raw IS NOT excluded.raw
            """, 10);
    }

    public ImportCounts Counts => new() { Accounts = accounts, Posts = posts, Actions = actions, Metrics = metrics, Duplicates = duplicates };

    public void Write(ImportRecord record)
    {
        switch (record)
        {
            case AccountRecord a:
                WriteAccount(a);
                break;
            case PostRecord p:
                WritePost(p);
                break;
            case ActionRecord a:
                WriteAction(a);
                break;
            case MetricsRecord m:
                WriteMetrics(m);
                break;
            default:
                throw new ArgumentException($"unsupported record type {record.GetType().Name}", nameof(record));
        }
    }

    private void WriteAccount(AccountRecord a)
    {
        var key = a.Key;
        var labels = a.Labels.Count == 0 ? null : JsonSerializer.Serialize(a.Labels);
        long? created = a.Created?.ToUnixTimeSeconds();
        long? personId = a.Person is null ? null : PersonId(a.Person);
        if (TryFind(key, out var id))
        {
            Set(updateAccount, id, a.Handle, a.Name, created, personId, a.Bio, a.Url, labels, a.Raw);
            if (updateAccount.ExecuteNonQuery() == 0)
            {
                duplicates++;
            }
            else
            {
                accounts++;
            }

            return;
        }

        personId ??= PersonId(PersonIdOf(key));
        Set(insertAccount, (int)key.Network, key.Id, a.Handle, a.Name, created, personId, a.Bio, a.Url, labels, a.Raw);
        accountIds[key] = Convert.ToInt64(insertAccount.ExecuteScalar(), CultureInfo.InvariantCulture);
        accounts++;
    }

    private void WritePost(PostRecord p)
    {
        var author = Account(new AccountKey(p.Network, p.Account));
        var seconds = p.Time.ToUnixTimeSeconds();
        Set(insertPost, (int)p.Network, p.Id, author, seconds, (int)p.Kind, p.Parent, p.Text, p.Url, p.Raw);
        if (insertPost.ExecuteNonQuery() == 0)
        {
            duplicates++;
            return;
        }

        Set(rollPost, DayNumber.OfUnixSeconds(seconds), author, (int)p.Kind);
        rollPost.ExecuteNonQuery();
        posts++;
    }

    private void WriteAction(ActionRecord a)
    {
        var actor = Account(new AccountKey(a.Network, a.Actor));
        var target = Account(new AccountKey(a.Network, a.Target));
        var seconds = a.Time.ToUnixTimeSeconds();
        Set(insertAction, (int)a.Network, a.Id, (int)a.Kind, actor, target, a.Post, seconds, a.Topic, a.Raw);
        if (insertAction.ExecuteNonQuery() == 0)
        {
            duplicates++;
            return;
        }

        Set(rollAction, DayNumber.OfUnixSeconds(seconds), target, actor, (int)a.Kind);
        rollAction.ExecuteNonQuery();
        actions++;
    }

    private void WriteMetrics(MetricsRecord m)
    {
        var account = Account(new AccountKey(m.Network, m.Account));
        var day = DayNumber.Of(m.Date);
        Set(findMetrics, account, day);
        var existed = findMetrics.ExecuteScalar() is not null;
        Set(upsertMetrics, account, day, m.Days, m.Followers, m.Following, m.Lists, m.Posts, MetricCounts.Encode(m.Received), MetricCounts.Encode(m.Sent), m.Raw);
        if (upsertMetrics.ExecuteNonQuery() == 0 || existed)
        {
            // A same-day snapshot that differs replaces the stored one; either way it is not a new snapshot.
            duplicates++;
        }
        else
        {
            metrics++;
        }
    }

    private static string PersonIdOf(AccountKey key) => Clout.Core.Domain.PersonId.Of(key).Value;

    private long Account(AccountKey key)
    {
        if (TryFind(key, out var id))
        {
            return id;
        }

        // An actor or target we have no account record for yet: a stub row that a later account record fills in.
        var person = PersonId(PersonIdOf(key));
        Set(insertAccount, (int)key.Network, key.Id, null, null, null, person, null, null, null, null);
        id = Convert.ToInt64(insertAccount.ExecuteScalar(), CultureInfo.InvariantCulture);
        accountIds[key] = id;
        return id;
    }

    private bool TryFind(AccountKey key, out long id)
    {
        if (accountIds.TryGetValue(key, out id))
        {
            return true;
        }

        Set(findAccount, (int)key.Network, key.Id);
        if (findAccount.ExecuteScalar() is long found)
        {
            accountIds[key] = found;
            id = found;
            return true;
        }

        return false;
    }

    private long PersonId(string key)
    {
        Set(upsertPerson, key);
        return Convert.ToInt64(upsertPerson.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    public void Dispose()
    {
        findAccount.Dispose();
        upsertPerson.Dispose();
        insertAccount.Dispose();
        updateAccount.Dispose();
        insertPost.Dispose();
        rollPost.Dispose();
        insertAction.Dispose();
        rollAction.Dispose();
        upsertMetrics.Dispose();
        findMetrics.Dispose();
    }
}
