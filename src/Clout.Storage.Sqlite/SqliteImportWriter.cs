using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Sqlite;

/// <summary>
/// Writes records inside one transaction straight into the tables, through statements bound with SQLite's C API.
/// Posts and actions go in as multi-row <c>INSERT … ON CONFLICT(network, source_id) DO NOTHING</c> statements of
/// <see cref="RowsPerStatement"/> rows: the first copy of a source id wins and ids already stored are left alone. Only rows
/// that went in are counted into the daily roll-ups, which are summed in memory and upserted once per key, in key
/// order. Account and person ids are kept in memory, so each key is looked up in the store at most once (and not at
/// all when its table was empty when the import began). Same rows as <see cref="SqliteReferenceImportWriter"/>.
/// </summary>
internal sealed class SqliteImportWriter : IImportWriter
{
    /// <summary>Rows bound into one insert statement (9 parameters each; SQLite allows 32,766).</summary>
    public const int RowsPerStatement = 128;

    /// <summary>Roll-up sums held in memory before they are written out early (bounds memory on very large files).</summary>
    public const int RollupLimit = 4_000_000;

    private const int PostColumns = 9;
    private const int ActionColumns = 9;

    private readonly Dictionary<AccountKey, long> accountIds = [];
    private readonly Dictionary<string, long> personIds = new(StringComparer.Ordinal);
    private readonly List<RawStatement> statements = [];
    private readonly SqliteConnection connection;
    private readonly bool accountsWereEmpty;
    private readonly bool personsWereEmpty;
    private readonly List<string> deferredIndexes = [];
    private readonly Dictionary<ActionRollupKey, long> actionRollups = [];
    private readonly Dictionary<PostRollupKey, long> postRollups = [];
    private readonly Dictionary<ReactionRollupKey, long> reactionRollups = [];
    private readonly HashSet<AccountKey> sourceIdsInStatement = []; // (network, source id) of posts or actions
    private readonly long firstNewPost;
    private readonly long firstNewAction;
    private readonly RawStatement findAccount;
    private readonly RawStatement findPerson;
    private readonly RawStatement insertPerson;
    private readonly RawStatement insertAccount;
    private readonly RawStatement updateAccount;
    private readonly RawStatement insertPosts;
    private readonly RawStatement insertPost;
    private readonly RawStatement insertActions;
    private readonly RawStatement insertAction;
    private readonly RawStatement findPost;
    private readonly RawStatement findAction;
    private readonly RawStatement findMetrics;
    private readonly RawStatement upsertMetrics;
    private readonly PendingPost[] pendingPosts = new PendingPost[RowsPerStatement];
    private readonly PendingAction[] pendingActions = new PendingAction[RowsPerStatement];
    private int pendingPostCount;
    private int pendingActionCount;
    private bool flushed;
    private long accounts;
    private long posts;
    private long actions;
    private long metrics;
    private long duplicates;

    public SqliteImportWriter(SqliteConnection connection)
    {
        this.connection = connection;
        accountsWereEmpty = Scalar(connection, "SELECT NOT EXISTS (SELECT 1 FROM accounts)") == 1;
        personsWereEmpty = Scalar(connection, "SELECT NOT EXISTS (SELECT 1 FROM persons)") == 1;

        // SQLite gives a new row the largest row id plus one, so this import's rows are the ones above these.
        firstNewPost = Scalar(connection, "SELECT coalesce(max(id), 0) + 1 FROM posts");
        firstNewAction = Scalar(connection, "SELECT coalesce(max(id), 0) + 1 FROM actions");

        // Into an empty table, building its secondary indexes once from the loaded rows (a sort) is cheaper than
        // keeping them up to date row by row (a b-tree descent per row and index): on 1.2M generated posts and actions,
        // 2.3 s to build them against 5.9 s more spent inserting. They are dropped here and made again by Flush,
        // inside the same transaction: readers and a failed import never see the table without them.
        var emptyTables = new List<string>(2);
        if (Scalar(connection, "SELECT NOT EXISTS (SELECT 1 FROM posts)") == 1)
        {
            emptyTables.Add("'posts'");
        }

        if (Scalar(connection, "SELECT NOT EXISTS (SELECT 1 FROM actions)") == 1)
        {
            emptyTables.Add("'actions'");
        }

        if (emptyTables.Count > 0)
        {
            using var indexes = new RawStatement(connection, $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", emptyTables)}) ORDER BY name");
            var names = new List<string>();
            while (indexes.Step())
            {
                names.Add(indexes.Text(0)!);
                deferredIndexes.Add(indexes.Text(1)!);
            }

            foreach (var name in names)
            {
                Run($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            }
        }

        RawStatement Prepare(string sql)
        {
            var statement = new RawStatement(connection, sql);
            statements.Add(statement);
            return statement;
        }

        findAccount = Prepare("SELECT id FROM accounts WHERE network = ?1 AND source_id = ?2");
        findPerson = Prepare("SELECT id FROM persons WHERE key = ?1");
        insertPerson = Prepare("INSERT INTO persons(key) VALUES (?1)");
        insertAccount = Prepare("""
            INSERT INTO accounts(network, source_id, handle, name, created, person_id, bio, url, labels, raw)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """);
        updateAccount = Prepare("""
            UPDATE accounts SET
                handle = coalesce(?2, handle), name = coalesce(?3, name), created = coalesce(?4, created),
                person_id = coalesce(?5, person_id), bio = coalesce(?6, bio), url = coalesce(?7, url),
                labels = coalesce(?8, labels), raw = coalesce(?9, raw)
            WHERE id = ?1 AND (handle IS NOT coalesce(?2, handle) OR name IS NOT coalesce(?3, name)
                OR created IS NOT coalesce(?4, created) OR person_id IS NOT coalesce(?5, person_id)
                OR bio IS NOT coalesce(?6, bio) OR url IS NOT coalesce(?7, url)
                OR labels IS NOT coalesce(?8, labels) OR raw IS NOT coalesce(?9, raw))
            """);
        insertPosts = Prepare(InsertSql("posts(network, source_id, account_id, time, kind, parent, text, url, raw)", PostColumns, RowsPerStatement));
        insertPost = Prepare(InsertSql("posts(network, source_id, account_id, time, kind, parent, text, url, raw)", PostColumns, 1));
        insertActions = Prepare(InsertSql("actions(network, source_id, kind, actor_id, target_id, post, time, topic, raw)", ActionColumns, RowsPerStatement));
        insertAction = Prepare(InsertSql("actions(network, source_id, kind, actor_id, target_id, post, time, topic, raw)", ActionColumns, 1));
        findPost = Prepare("SELECT id FROM posts WHERE network = ?1 AND source_id = ?2");
        findAction = Prepare("SELECT id FROM actions WHERE network = ?1 AND source_id = ?2");
        findMetrics = Prepare("SELECT 1 FROM metrics WHERE account_id = ?1 AND day = ?2");
        upsertMetrics = Prepare("""
            INSERT INTO metrics(account_id, day, days, followers, following, lists, posts, received, sent, raw)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            ON CONFLICT(account_id, day) DO UPDATE SET days = excluded.days, followers = excluded.followers,
                following = excluded.following, lists = excluded.lists, posts = excluded.posts,
                received = excluded.received, sent = excluded.sent, raw = excluded.raw
            WHERE days IS NOT excluded.days OR followers IS NOT excluded.followers OR following IS NOT excluded.following
                OR lists IS NOT excluded.lists OR posts IS NOT excluded.posts OR received IS NOT excluded.received
                OR sent IS NOT excluded.sent OR raw IS NOT excluded.raw
            """);
    }

    /// <summary>
    /// Whether this writer can tell this import's rows by their row ids: SQLite numbers new rows from the largest
    /// row id up, until a table's largest id reaches the top of the range, when it picks free ids at random.
    /// </summary>
    public static bool CanWrite(SqliteConnection connection) =>
        Scalar(connection, "SELECT coalesce(max(id), 0) FROM posts") < RowIdLimit
        && Scalar(connection, "SELECT coalesce(max(id), 0) FROM actions") < RowIdLimit;

    private const long RowIdLimit = 1L << 62;

    public ImportCounts Counts => new() { Accounts = accounts, Posts = posts, Actions = actions, Metrics = metrics, Duplicates = duplicates };

    public void Write(ImportRecord record)
    {
        switch (record)
        {
            case ActionRecord a:
                WriteAction(a);
                break;
            case PostRecord p:
                WritePost(p);
                break;
            case AccountRecord a:
                WriteAccount(a);
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
            var s = updateAccount;
            s.Bind(1, id);
            s.Bind(2, a.Handle);
            s.Bind(3, a.Name);
            s.Bind(4, created);
            s.Bind(5, personId);
            s.Bind(6, a.Bio);
            s.Bind(7, a.Url);
            s.Bind(8, labels);
            s.Bind(9, a.Raw);
            if (s.Execute() == 0)
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
        accountIds[key] = InsertAccount(key, a.Handle, a.Name, created, personId.Value, a.Bio, a.Url, labels, a.Raw);
        accounts++;
    }

    private long InsertAccount(AccountKey key, string? handle, string? name, long? created, long person, string? bio, string? url, string? labels, string? raw)
    {
        var s = insertAccount;
        s.Bind(1, (int)key.Network);
        s.Bind(2, key.Id);
        s.Bind(3, handle);
        s.Bind(4, name);
        s.Bind(5, created);
        s.Bind(6, person);
        s.Bind(7, bio);
        s.Bind(8, url);
        s.Bind(9, labels);
        s.Bind(10, raw);
        s.Execute();
        return s.LastInsertRowId;
    }

    private void WritePost(PostRecord p)
    {
        var author = Account(new AccountKey(p.Network, p.Account));
        pendingPosts[pendingPostCount++] = new PendingPost(p, author);
        if (pendingPostCount == RowsPerStatement)
        {
            InsertPendingPosts();
        }
    }

    private void WriteAction(ActionRecord a)
    {
        var actor = Account(new AccountKey(a.Network, a.Actor));
        var target = Account(new AccountKey(a.Network, a.Target));
        pendingActions[pendingActionCount++] = new PendingAction(a, actor, target);
        if (pendingActionCount == RowsPerStatement)
        {
            InsertPendingActions();
        }
    }

    private void InsertPendingPosts()
    {
        var n = pendingPostCount;
        if (n == RowsPerStatement)
        {
            for (var r = 0; r < n; r++)
            {
                Bind(insertPosts, r * PostColumns, pendingPosts[r]);
            }

            var added = insertPosts.Execute();
            if (added == n)
            {
                for (var r = 0; r < n; r++)
                {
                    CountPost(pendingPosts[r]);
                }
            }
            else if (added > 0)
            {
                // Some rows were already stored or repeated in the statement: the rows this statement added got the
                // ids after the import's last one, and a repeated id only on its first row. (None added, as in a
                // re-import, leaves nothing to count.)
                var lastBefore = firstNewPost - 1 + posts;
                sourceIdsInStatement.Clear();
                for (var r = 0; r < n; r++)
                {
                    var p = pendingPosts[r].Post;
                    findPost.Bind(1, (int)p.Network);
                    findPost.Bind(2, p.Id);
                    if (findPost.ScalarInt64() > lastBefore && sourceIdsInStatement.Add(new AccountKey(p.Network, p.Id)))
                    {
                        CountPost(pendingPosts[r]);
                    }
                }
            }

            posts += added;
            duplicates += n - added;
        }
        else
        {
            for (var r = 0; r < n; r++)
            {
                Bind(insertPost, 0, pendingPosts[r]);
                if (insertPost.Execute() == 1)
                {
                    posts++;
                    CountPost(pendingPosts[r]);
                }
                else
                {
                    duplicates++;
                }
            }
        }

        Array.Clear(pendingPosts, 0, n);
        pendingPostCount = 0;
    }

    private static void Bind(RawStatement s, int o, PendingPost pending)
    {
        var p = pending.Post;
        s.Bind(o + 1, (int)p.Network);
        s.Bind(o + 2, p.Id);
        s.Bind(o + 3, pending.Author);
        s.Bind(o + 4, p.Time.ToUnixTimeSeconds());
        s.Bind(o + 5, (int)p.Kind);
        s.Bind(o + 6, p.Parent);
        s.Bind(o + 7, p.Text);
        s.Bind(o + 8, p.Url);
        s.Bind(o + 9, p.Raw);
    }

    private void InsertPendingActions()
    {
        var n = pendingActionCount;
        if (n == RowsPerStatement)
        {
            for (var r = 0; r < n; r++)
            {
                Bind(insertActions, r * ActionColumns, pendingActions[r]);
            }

            var added = insertActions.Execute();
            if (added == n)
            {
                for (var r = 0; r < n; r++)
                {
                    CountAction(pendingActions[r]);
                }
            }
            else if (added > 0)
            {
                var lastBefore = firstNewAction - 1 + actions;
                sourceIdsInStatement.Clear();
                for (var r = 0; r < n; r++)
                {
                    var a = pendingActions[r].Action;
                    findAction.Bind(1, (int)a.Network);
                    findAction.Bind(2, a.Id);
                    if (findAction.ScalarInt64() > lastBefore && sourceIdsInStatement.Add(new AccountKey(a.Network, a.Id)))
                    {
                        CountAction(pendingActions[r]);
                    }
                }
            }

            actions += added;
            duplicates += n - added;
        }
        else
        {
            for (var r = 0; r < n; r++)
            {
                Bind(insertAction, 0, pendingActions[r]);
                if (insertAction.Execute() == 1)
                {
                    actions++;
                    CountAction(pendingActions[r]);
                }
                else
                {
                    duplicates++;
                }
            }
        }

        Array.Clear(pendingActions, 0, n);
        pendingActionCount = 0;
    }

    private void CountPost(PendingPost pending)
    {
        var p = pending.Post;
        Add(postRollups, new PostRollupKey(DayOf(p.Time.ToUnixTimeSeconds()), pending.Author, (int)p.Kind));
        if (postRollups.Count >= RollupLimit)
        {
            WriteRollups();
        }
    }

    private void CountAction(PendingAction pending)
    {
        var a = pending.Action;
        var day = DayOf(a.Time.ToUnixTimeSeconds());
        Add(actionRollups, new ActionRollupKey(day, pending.Target, pending.Actor, (int)a.Kind));
        if (a.Post is not null && pending.Actor != pending.Target)
        {
            Add(reactionRollups, new ReactionRollupKey((int)a.Network, a.Post, pending.Target, (int)a.Kind, day));
        }

        if (actionRollups.Count >= RollupLimit || reactionRollups.Count >= RollupLimit)
        {
            WriteRollups();
        }
    }

    private static void Add<TKey>(Dictionary<TKey, long> sums, TKey key)
        where TKey : notnull => System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, key, out _)++;

    /// <summary>The day number of a Unix time, rounding down before 1970 as <c>time / 86400 - (time % 86400 &lt; 0)</c> does.</summary>
    private static long DayOf(long unixSeconds) => unixSeconds / 86400 - (unixSeconds % 86400 < 0 ? 1 : 0);

    private static void Bind(RawStatement s, int o, PendingAction pending)
    {
        var a = pending.Action;
        s.Bind(o + 1, (int)a.Network);
        s.Bind(o + 2, a.Id);
        s.Bind(o + 3, (int)a.Kind);
        s.Bind(o + 4, pending.Actor);
        s.Bind(o + 5, pending.Target);
        s.Bind(o + 6, a.Post);
        s.Bind(o + 7, a.Time.ToUnixTimeSeconds());
        s.Bind(o + 8, a.Topic);
        s.Bind(o + 9, a.Raw);
    }

    private static string InsertSql(string table, int columns, int rows)
    {
        var sql = new System.Text.StringBuilder($"INSERT INTO {table} VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 1; c <= columns; c++)
            {
                sql.Append(c == 1 ? "?" : ", ?").Append(r * columns + c);
            }

            sql.Append(')');
        }

        return sql.Append(" ON CONFLICT(network, source_id) DO NOTHING").ToString();
    }

    private void WriteMetrics(MetricsRecord m)
    {
        var account = Account(new AccountKey(m.Network, m.Account));
        var day = DayNumber.Of(m.Date);
        findMetrics.Bind(1, account);
        findMetrics.Bind(2, day);
        var existed = findMetrics.ScalarInt64() is not null;
        var s = upsertMetrics;
        s.Bind(1, account);
        s.Bind(2, day);
        s.Bind(3, m.Days);
        s.Bind(4, m.Followers);
        s.Bind(5, m.Following);
        s.Bind(6, m.Lists);
        s.Bind(7, m.Posts);
        s.Bind(8, MetricCounts.Encode(m.Received));
        s.Bind(9, MetricCounts.Encode(m.Sent));
        s.Bind(10, m.Raw);
        if (s.Execute() == 0 || existed)
        {
            // A same-day snapshot that differs replaces the stored one; either way it is not a new snapshot.
            duplicates++;
        }
        else
        {
            metrics++;
        }
    }

    /// <summary>
    /// Inserts the rows still pending and counts the posts and actions this import added into the daily roll-ups,
    /// in the same statements the reference import uses for its merged rows.
    /// </summary>
    public void Flush()
    {
        InsertPendingPosts();
        InsertPendingActions();
        if (flushed)
        {
            throw new InvalidOperationException("the import writer was already flushed; its roll-ups are counted once");
        }

        flushed = true;
        WriteRollups();
        foreach (var sql in deferredIndexes)
        {
            Run(sql);
        }

        deferredIndexes.Clear();
    }

    /// <summary>Upserts the roll-up sums held in memory, each key once and in primary-key order.</summary>
    private void WriteRollups()
    {
        if (actionRollups.Count > 0)
        {
            using var upsert = new RawStatement(connection, """
                INSERT INTO rollup_actions(day, target_id, actor_id, kind, count) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT(day, target_id, actor_id, kind) DO UPDATE SET count = count + excluded.count
                """);
            var keys = actionRollups.Keys.ToArray();
            Array.Sort(keys);
            foreach (var k in keys)
            {
                upsert.Bind(1, k.Day);
                upsert.Bind(2, k.Target);
                upsert.Bind(3, k.Actor);
                upsert.Bind(4, k.Kind);
                upsert.Bind(5, actionRollups[k]);
                upsert.Execute();
            }

            actionRollups.Clear();
        }

        if (postRollups.Count > 0)
        {
            using var upsert = new RawStatement(connection, """
                INSERT INTO rollup_posts(day, account_id, kind, count) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT(day, account_id, kind) DO UPDATE SET count = count + excluded.count
                """);
            var keys = postRollups.Keys.ToArray();
            Array.Sort(keys);
            foreach (var k in keys)
            {
                upsert.Bind(1, k.Day);
                upsert.Bind(2, k.Account);
                upsert.Bind(3, k.Kind);
                upsert.Bind(4, postRollups[k]);
                upsert.Execute();
            }

            postRollups.Clear();
        }

        if (reactionRollups.Count > 0)
        {
            using var upsert = new RawStatement(connection, """
                INSERT INTO rollup_post_reactions(network, post, target_id, kind, day, count) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT(network, post, target_id, kind, day) DO UPDATE SET count = count + excluded.count
                """);
            var keys = reactionRollups.Keys.ToArray();
            Array.Sort(keys);
            foreach (var k in keys)
            {
                upsert.Bind(1, k.Network);
                upsert.Bind(2, k.Post);
                upsert.Bind(3, k.Target);
                upsert.Bind(4, k.Kind);
                upsert.Bind(5, k.Day);
                upsert.Bind(6, reactionRollups[k]);
                upsert.Execute();
            }

            reactionRollups.Clear();
        }
    }

    private void Run(string sql)
    {
        using var statement = new RawStatement(connection, sql);
        statement.Execute();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var statement = new RawStatement(connection, sql);
        return statement.ScalarInt64() ?? 0;
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
        id = InsertAccount(key, null, null, null, person, null, null, null, null);
        accountIds[key] = id;
        return id;
    }

    private bool TryFind(AccountKey key, out long id)
    {
        if (accountIds.TryGetValue(key, out id))
        {
            return true;
        }

        if (accountsWereEmpty)
        {
            return false;
        }

        findAccount.Bind(1, (int)key.Network);
        findAccount.Bind(2, key.Id);
        if (findAccount.ScalarInt64() is { } found)
        {
            accountIds[key] = found;
            id = found;
            return true;
        }

        return false;
    }

    private long PersonId(string key)
    {
        if (personIds.TryGetValue(key, out var id))
        {
            return id;
        }

        if (!personsWereEmpty)
        {
            findPerson.Bind(1, key);
            if (findPerson.ScalarInt64() is { } found)
            {
                personIds[key] = found;
                return found;
            }
        }

        insertPerson.Bind(1, key);
        insertPerson.Execute();
        id = insertPerson.LastInsertRowId;
        personIds[key] = id;
        return id;
    }

    public void Dispose()
    {
        foreach (var statement in statements)
        {
            statement.Dispose();
        }
    }

    private readonly record struct PendingPost(PostRecord Post, long Author);

    private readonly record struct PendingAction(ActionRecord Action, long Actor, long Target);

    private readonly record struct ActionRollupKey(long Day, long Target, long Actor, int Kind) : IComparable<ActionRollupKey>
    {
        public int CompareTo(ActionRollupKey other)
        {
            var c = Day.CompareTo(other.Day);
            c = c != 0 ? c : Target.CompareTo(other.Target);
            c = c != 0 ? c : Actor.CompareTo(other.Actor);
            return c != 0 ? c : Kind.CompareTo(other.Kind);
        }
    }

    private readonly record struct PostRollupKey(long Day, long Account, int Kind) : IComparable<PostRollupKey>
    {
        public int CompareTo(PostRollupKey other)
        {
            var c = Day.CompareTo(other.Day);
            c = c != 0 ? c : Account.CompareTo(other.Account);
            return c != 0 ? c : Kind.CompareTo(other.Kind);
        }
    }

    private readonly record struct ReactionRollupKey(int Network, string Post, long Target, int Kind, long Day) : IComparable<ReactionRollupKey>
    {
        public int CompareTo(ReactionRollupKey other)
        {
            var c = Network.CompareTo(other.Network);
            c = c != 0 ? c : string.CompareOrdinal(Post, other.Post);
            c = c != 0 ? c : Target.CompareTo(other.Target);
            c = c != 0 ? c : Kind.CompareTo(other.Kind);
            return c != 0 ? c : Day.CompareTo(other.Day);
        }
    }
}
