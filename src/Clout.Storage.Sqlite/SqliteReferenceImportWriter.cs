using System.Globalization;
using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Sqlite;

/// <summary>
/// The reference import: records staged in temporary tables through ADO.NET and merged into the tables with
/// set-based statements. Events are inserted only when their (network, source id) is new, and only then counted
/// into the daily roll-ups, so re-imports change nothing. Several times slower than <see cref="SqliteImportWriter"/>;
/// kept as the plain statement of what an import stores, which the tests hold the fast writer to.
/// </summary>
internal sealed class SqliteReferenceImportWriter : IImportWriter
{
    private readonly Dictionary<AccountKey, long> accountIds = [];
    private readonly SqliteCommand findAccount;
    private readonly SqliteCommand upsertPerson;
    private readonly SqliteCommand insertAccount;
    private readonly SqliteCommand updateAccount;
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction tx;
    private readonly SqliteCommand stagePost;
    private readonly SqliteCommand stageAction;
    private readonly SqliteCommand upsertMetrics;
    private readonly SqliteCommand findMetrics;
    private long accounts;
    private long posts;
    private long actions;
    private long metrics;
    private long duplicates;
    private long stagedPosts;
    private long stagedActions;

    /// <summary>Staged events are merged into the tables in chunks of this many, bounding the temporary space.</summary>
    public const int StageLimit = 1_000_000;

    public SqliteReferenceImportWriter(SqliteConnection connection, SqliteTransaction tx)
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
        this.connection = connection;
        this.tx = tx;
        Run("""
            CREATE TEMP TABLE IF NOT EXISTS stage_posts(network INTEGER, source_id TEXT, account_id INTEGER, time INTEGER, kind INTEGER, parent TEXT, text TEXT, url TEXT, raw TEXT);
            CREATE TEMP TABLE IF NOT EXISTS stage_actions(network INTEGER, source_id TEXT, kind INTEGER, actor_id INTEGER, target_id INTEGER, post TEXT, time INTEGER, topic TEXT, raw TEXT);
            DELETE FROM temp.stage_posts;
            DELETE FROM temp.stage_actions;
            """);
        stagePost = Prepare(connection, tx, "INSERT INTO temp.stage_posts VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9);
        stageAction = Prepare(connection, tx, "INSERT INTO temp.stage_actions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9);
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
        Set(stagePost, (int)p.Network, p.Id, author, p.Time.ToUnixTimeSeconds(), (int)p.Kind, p.Parent, p.Text, p.Url, p.Raw);
        stagePost.ExecuteNonQuery();
        if (++stagedPosts >= StageLimit)
        {
            MergePosts();
        }
    }

    private void WriteAction(ActionRecord a)
    {
        var actor = Account(new AccountKey(a.Network, a.Actor));
        var target = Account(new AccountKey(a.Network, a.Target));
        Set(stageAction, (int)a.Network, a.Id, (int)a.Kind, actor, target, a.Post, a.Time.ToUnixTimeSeconds(), a.Topic, a.Raw);
        stageAction.ExecuteNonQuery();
        if (++stagedActions >= StageLimit)
        {
            MergeActions();
        }
    }

    /// <summary>Merges what is staged into the tables; call before committing.</summary>
    public void Flush()
    {
        MergePosts();
        MergeActions();
    }

    // Set-based merges run inside SQLite: the first copy of a source id in the stage wins, ids already stored are
    // dropped, and only what is new is inserted and counted into the roll-ups.
    private const string Day = "(time / 86400 - (time % 86400 < 0))";

    private void MergePosts()
    {
        if (stagedPosts == 0)
        {
            return;
        }

        var added = Merge("stage_posts", "posts", "network, source_id, account_id, time, kind, parent, text, url, raw", $"""
            INSERT INTO rollup_posts(day, account_id, kind, count)
            SELECT {Day}, account_id, kind, count(*) FROM temp.stage_posts WHERE true GROUP BY 1, 2, 3
            ON CONFLICT(day, account_id, kind) DO UPDATE SET count = count + excluded.count
            """);
        posts += added;
        duplicates += stagedPosts - added;
        stagedPosts = 0;
    }

    private void MergeActions()
    {
        if (stagedActions == 0)
        {
            return;
        }

        var added = Merge("stage_actions", "actions", "network, source_id, kind, actor_id, target_id, post, time, topic, raw", $"""
            INSERT INTO rollup_actions(day, target_id, actor_id, kind, count)
            SELECT {Day}, target_id, actor_id, kind, count(*) FROM temp.stage_actions WHERE true GROUP BY 1, 2, 3, 4
            ON CONFLICT(day, target_id, actor_id, kind) DO UPDATE SET count = count + excluded.count;
            INSERT INTO rollup_post_reactions(network, post, target_id, kind, day, count)
            SELECT network, post, target_id, kind, {Day}, count(*) FROM temp.stage_actions
            WHERE post IS NOT NULL AND actor_id <> target_id GROUP BY 1, 2, 3, 4, 5
            ON CONFLICT(network, post, target_id, kind, day) DO UPDATE SET count = count + excluded.count
            """);
        actions += added;
        duplicates += stagedActions - added;
        stagedActions = 0;
    }

    private long Merge(string stage, string table, string columns, string rollup)
    {
        Run($"""
            DELETE FROM temp.{stage} WHERE rowid NOT IN (SELECT min(rowid) FROM temp.{stage} GROUP BY network, source_id);
            DELETE FROM temp.{stage} WHERE EXISTS (SELECT 1 FROM main.{table} t WHERE t.network = {stage}.network AND t.source_id = {stage}.source_id);
            """);
        var added = Scalar($"SELECT count(*) FROM temp.{stage}");
        if (added > 0)
        {
            Run($"INSERT INTO main.{table}({columns}) SELECT {columns} FROM temp.{stage} ORDER BY rowid;");
            Run(rollup);
        }

        Run($"DELETE FROM temp.{stage};");
        return added;
    }

    private void Run(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
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
        stagePost.Dispose();
        stageAction.Dispose();
        upsertMetrics.Dispose();
        findMetrics.Dispose();
    }
}
