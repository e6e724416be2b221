using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Sqlite;

public sealed partial class SqliteStore
{

    public async Task WriteScoresAsync(ScoreRun run, IReadOnlyList<ScoreSnapshot> people, IReadOnlyList<AccountScore> accounts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(accounts);

        // Encoding (JSON and Brotli) costs about as much as the inserts: chunks are encoded on the other cores while
        // the chunk before them is inserted, and each chunk's bytes are dropped once written.
        Task<EncodedChunk> Encode(int from) => Task.Run(() => EncodedChunk.Of(people, from, Math.Min(people.Count, from + EncodedChunk.Size)));
        var next = people.Count > 0 ? Encode(0) : null;

        // A day is gigabytes of pages at a million people: written in WAL mode, every page read that misses the page
        // cache searched the growing log first (a fifth of the writing thread's time) and the commit copied the log into
        // the file again. With no other connection on the file it is written with the rollback journal, as a first
        // import is; WAL mode is back once the transaction below is disposed.
        await using var connection = Open();
        using var journal = EnterRollbackJournal(connection);
        var day = DayNumber.Of(run.Day);
        var personIds = LoadIds(connection, "SELECT key, id FROM persons");
        var accountIds = LoadAccountIds(connection);
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, "DELETE FROM snapshots NOT INDEXED WHERE " + RowsOfDay, run.Version, day);
        Execute(connection, tx, "DELETE FROM account_scores WHERE version = $1 AND day = $2", run.Version, day);
        Execute(connection, tx, "DELETE FROM topic_scores WHERE version = $1 AND day = $2", run.Version, day);

        // Rows are bound through SQLite's C API (RawStatement): typed values, no boxing or per-row parameter checks.
        {
            using var insert = new RawStatement(connection, """
                INSERT INTO snapshots(version, day, person_id, score, bucket, reach, amplification, network_impact, audience,
                    day_change, week_change, month_change, networks, explanation, topics, style, flags)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
                """);
            insert.Bind(1, run.Version).Bind(2, day);
            using var insertTopic = new RawStatement(connection, "INSERT OR REPLACE INTO topic_scores(version, day, topic, person_id, score) VALUES (?1, ?2, ?3, ?4, ?5)");
            insertTopic.Bind(1, run.Version).Bind(2, day);
            for (var from = 0; from < people.Count; from += EncodedChunk.Size)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = next!.GetAwaiter().GetResult();
                next = from + EncodedChunk.Size < people.Count ? Encode(from + EncodedChunk.Size) : null;
                for (var i = from; i < chunk.To; i++)
                {
                    var s = chunk.People[i - from];
                    if (!personIds.TryGetValue(s.Person, out var personId))
                    {
                        personId = UpsertPerson(connection, tx, s.Person);
                        personIds[s.Person] = personId;
                    }

                    var j = i - from;
                    insert.Bind(3, personId).Bind(4, s.Score).Bind(5, s.Bucket).Bind(6, s.Reach).Bind(7, s.Amplification).Bind(8, s.NetworkImpact).Bind(9, s.Audience)
                        .Bind(10, s.DayChange).Bind(11, s.WeekChange).Bind(12, s.MonthChange)
                        .Bind(13, chunk.Networks[j]).Bind(14, chunk.Explanations[j]).Bind(15, chunk.Topics[j]).Bind(16, chunk.Styles[j]).Bind(17, chunk.Flags[j])
                        .Execute();
                    foreach (var topic in s.Topics)
                    {
                        insertTopic.Bind(3, topic.Slug).Bind(4, personId).Bind(5, topic.Score).Execute();
                    }
                }
            }
        }

        using (var insert = new RawStatement(connection, "INSERT INTO account_scores(version, day, account_id, quality, value, score) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
        {
            insert.Bind(1, run.Version).Bind(2, day);
            foreach (var a in accounts)
            {
                if (accountIds.TryGetValue(new AccountKey(a.Network, a.Account), out var accountId))
                {
                    insert.Bind(3, accountId).Bind(4, a.Quality).Bind(5, a.Value).Bind(6, a.Score).Execute();
                }
            }
        }

        Execute(connection, tx, """
            INSERT INTO score_runs(day, version, shadow, started, seconds, people, accounts, edges) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT(version, day) DO UPDATE SET shadow = excluded.shadow, started = excluded.started, seconds = excluded.seconds,
                people = excluded.people, accounts = excluded.accounts, edges = excluded.edges, explained = 1
            """, day, run.Version, run.Shadow ? 1 : 0, run.Started.ToString("O", CultureInfo.InvariantCulture), run.Seconds, run.People, run.Accounts, run.Edges);

        // Explanations of old days are dropped to keep the file small; their scores and sub-scores stay. Only days whose
        // run still has them are visited (a day is rewritten once, not every row of every old day on every run).
        foreach (var old in ExplainedDaysBefore(connection, tx, run.Version, day - ExplanationRetentionDays))
        {
            Execute(connection, tx, "UPDATE snapshots NOT INDEXED SET explanation = NULL WHERE " + RowsOfDay + " AND explanation IS NOT NULL", run.Version, old);
            Execute(connection, tx, "UPDATE score_runs SET explained = 0 WHERE version = $1 AND day = $2", run.Version, old);
        }

        tx.Commit();
    }

    // The snapshots of one (version $1, day $2), visited in the order they were written. A day is written in one
    // transaction, so its rows are one run of row ids, and a scan of that run reads the day's pages in file order; any
    // index walks them in person or score order, a random page per row (dropping a million people's explanations of an
    // old day from a cold disk: 104 s through the key, 28 s in row-id order). The version and day are tested again, so
    // rows of another day inside the run, if any, are never touched.
    private const string RowsOfDay = """
        rowid BETWEEN (SELECT min(rowid) FROM snapshots WHERE version = $1 AND day = $2) AND (SELECT max(rowid) FROM snapshots WHERE version = $1 AND day = $2)
        AND version = $1 AND day = $2
        """;

    private static List<int> ExplainedDaysBefore(SqliteConnection connection, SqliteTransaction tx, string version, int before)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT day FROM score_runs WHERE version = $v AND day < $d AND explained = 1 ORDER BY day";
        command.Parameters.AddWithValue("$v", version);
        command.Parameters.AddWithValue("$d", before);
        var days = new List<int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            days.Add(reader.GetInt32(0));
        }

        return days;
    }

    public async Task<IReadOnlyDictionary<string, double>> GetScoresAsync(DateOnly day, string version, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        // From the rank index alone (it holds the person): the rows are 2.5 KB each and mostly on disk at a million people.
        command.CommandText = "SELECT p.key, s.score FROM snapshots s INDEXED BY snapshots_rank JOIN persons p ON p.id = s.person_id WHERE s.version = $v AND s.day = $d";
        command.Parameters.AddWithValue("$v", version);
        command.Parameters.AddWithValue("$d", DayNumber.Of(day));
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = reader.GetDouble(1);
        }

        return result;
    }

    public Task<ScoreSnapshot?> GetSnapshotAsync(string person, DateOnly? day, string version, CancellationToken cancellationToken = default) =>
        GetSnapshotAsync(person, day, version, SnapshotParts.All, cancellationToken);

    // One person's snapshots (person p, scored day r, snapshot s) are found day by day: the version's scored days from
    // score_runs, each looked up by the (version, day, person_id) key. The join order is fixed (CROSS JOIN) because,
    // without statistics, SQLite's planner would walk the key over every person's rows of the version instead.
    private const string PersonDays =
        "persons p CROSS JOIN score_runs r CROSS JOIN snapshots s ON s.version = r.version AND s.day = r.day AND s.person_id = p.id";

    // The newest of them, or the asked day's. Parts not asked for are selected as NULL, so their overflow pages are
    // never read.
    public async Task<ScoreSnapshot?> GetSnapshotAsync(string person, DateOnly? day, string version, SnapshotParts parts, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        string Part(SnapshotParts part, string column) => parts.HasFlag(part) ? $"s.{column}" : "NULL";

        // Flags alone come from their column; snapshots stored before it existed fall back to the explanation.
        var flagsOnly = parts.HasFlag(SnapshotParts.Flags) && !parts.HasFlag(SnapshotParts.Explanation);
        var explanation = flagsOnly ? "CASE WHEN s.flags IS NULL THEN s.explanation END" : Part(SnapshotParts.Explanation, "explanation");
        command.CommandText = $"""
            SELECT p.key, s.day, s.version, s.score, s.bucket, s.reach, s.amplification, s.network_impact, s.audience, s.day_change, s.week_change, s.month_change,
                {Part(SnapshotParts.Networks, "networks")}, {explanation}, {Part(SnapshotParts.Topics, "topics")}, {Part(SnapshotParts.Style, "style")},
                {(flagsOnly ? "s.flags" : "NULL")}
            FROM {PersonDays}
            WHERE p.key = $k AND r.version = $v AND ($d IS NULL OR r.day = $d)
            ORDER BY r.day DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$k", person);
        command.Parameters.AddWithValue("$v", version);
        command.Parameters.AddWithValue("$d", day is null ? DBNull.Value : DayNumber.Of(day.Value));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadSnapshot(reader) : null;
    }

    public async Task<IReadOnlyList<LeaderboardEntry>> GetLeaderboardAsync(DateOnly? day, string version, Network? network, int offset, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        var scoredDay = day is null ? LatestScoredDay(connection, version) : DayNumber.Of(day.Value);
        if (scoredDay is null)
        {
            return [];
        }

        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.key, p.name,
                (SELECT a.handle FROM accounts a WHERE a.person_id = s.person_id AND a.handle IS NOT NULL ORDER BY a.network LIMIT 1),
                (SELECT a.name FROM accounts a WHERE a.person_id = s.person_id AND a.name IS NOT NULL ORDER BY a.network LIMIT 1),
                s.score, s.bucket, s.day_change
            FROM snapshots s JOIN persons p ON p.id = s.person_id
            WHERE s.version = $v AND s.day = $d
              AND ($n IS NULL OR EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = s.person_id AND a.network = $n))
            ORDER BY s.score DESC, p.key ASC LIMIT $limit OFFSET $offset
            """;
        command.Parameters.AddWithValue("$v", version);
        command.Parameters.AddWithValue("$d", scoredDay.Value);
        command.Parameters.AddWithValue("$n", network is null ? DBNull.Value : (int)network.Value);
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        command.Parameters.AddWithValue("$offset", Math.Max(0, offset));
        var rows = new List<LeaderboardEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new LeaderboardEntry(
                Math.Max(0, offset) + rows.Count + 1,
                reader.GetString(0),
                reader.IsDBNull(1) ? (reader.IsDBNull(3) ? null : reader.GetString(3)) : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetDouble(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<HistoryPoint>> GetHistoryAsync(string person, DateOnly from, DateOnly to, string version, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT s.day, s.score, s.reach, s.amplification, s.network_impact
            FROM {PersonDays}
            WHERE p.key = $k AND r.version = $v AND r.day BETWEEN $f AND $t ORDER BY r.day
            """;
        command.Parameters.AddWithValue("$k", person);
        command.Parameters.AddWithValue("$v", version);
        command.Parameters.AddWithValue("$f", DayNumber.Of(from));
        command.Parameters.AddWithValue("$t", DayNumber.Of(to));
        var points = new List<HistoryPoint>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            points.Add(new HistoryPoint(DayNumber.ToDate(reader.GetInt32(0)), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4)));
        }

        return points;
    }

    public async Task<DateOnly?> GetLatestScoredDayAsync(string version, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        var day = LatestScoredDay(connection, version);
        return day is null ? null : DayNumber.ToDate(day.Value);
    }

    public async Task<IReadOnlyList<ScoreRun>> GetRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT day, version, shadow, started, seconds, people, accounts, edges FROM score_runs ORDER BY day, version";
        var runs = new List<ScoreRun>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(new ScoreRun(
                DayNumber.ToDate(reader.GetInt32(0)),
                reader.GetString(1),
                reader.GetInt32(2) != 0,
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                reader.GetDouble(4),
                reader.GetInt32(5),
                reader.GetInt32(6),
                reader.GetInt64(7)));
        }

        return runs;
    }

    public async Task<IReadOnlyList<PostEngagement>> GetPostEngagementAsync(IReadOnlyList<AccountKey> authors, DateOnly from, DateOnly to, DateOnly qualityDay, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authors);
        await using var connection = Open();
        var ids = new List<long>();
        foreach (var author in authors)
        {
            using var find = connection.CreateCommand();
            find.CommandText = "SELECT id FROM accounts WHERE network = $n AND source_id = $s";
            find.Parameters.AddWithValue("$n", (int)author.Network);
            find.Parameters.AddWithValue("$s", author.Id);
            if (find.ExecuteScalar() is long id)
            {
                ids.Add(id);
            }
        }

        var rows = new List<PostEngagement>();
        foreach (var id in ids)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT p.network, p.source_id, author.source_id, x.kind, count(*), sum(coalesce(q.quality, 0.5)), p.text, p.url, p.time
                FROM actions x
                JOIN posts p ON p.network = x.network AND p.source_id = x.post AND p.account_id = x.target_id
                JOIN accounts author ON author.id = p.account_id
                LEFT JOIN account_scores q ON q.version = $v AND q.day = $q AND q.account_id = x.actor_id
                WHERE x.target_id = $id AND x.time >= $from AND x.time < $to
                GROUP BY p.id, x.kind
                """;
            command.Parameters.AddWithValue("$v", version);
            command.Parameters.AddWithValue("$q", DayNumber.Of(qualityDay));
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$from", (long)DayNumber.Of(from) * 86400);
            command.Parameters.AddWithValue("$to", ((long)DayNumber.Of(to) + 1) * 86400);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(new PostEngagement((Network)reader.GetInt32(0), reader.GetString(1), reader.GetString(2), (ActionKind)reader.GetInt32(3), reader.GetInt64(4), reader.GetDouble(5))
                {
                    Text = reader.IsDBNull(6) ? null : reader.GetString(6),
                    Url = reader.IsDBNull(7) ? null : reader.GetString(7),
                    Time = DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(8)),
                });
            }
        }

        return rows;
    }

    // Parts not asked for come as NULL and stay empty; flags alone come from their column.
    private static ScoreSnapshot ReadSnapshot(SqliteDataReader r) =>
        new(r.GetString(0), DayNumber.ToDate(r.GetInt32(1)), r.GetString(2), r.GetDouble(3), r.GetString(4))
        {
            Reach = r.GetDouble(5),
            Amplification = r.GetDouble(6),
            NetworkImpact = r.GetDouble(7),
            Audience = r.GetDouble(8),
            DayChange = r.IsDBNull(9) ? null : r.GetDouble(9),
            WeekChange = r.IsDBNull(10) ? null : r.GetDouble(10),
            MonthChange = r.IsDBNull(11) ? null : r.GetDouble(11),
            Networks = r.IsDBNull(12) ? [] : SnapshotCodec.DecodeNetworks((byte[])r.GetValue(12)),
            Explanation = !r.IsDBNull(13) ? SnapshotCodec.DecodeExplanation((byte[])r.GetValue(13))
                : !r.IsDBNull(16) ? new Explanation { Flags = SnapshotCodec.DecodeFlags(r.GetString(16)) } : new Explanation(),
            Topics = r.IsDBNull(14) ? [] : SnapshotCodec.DecodeTopics((byte[])r.GetValue(14)),
            Style = r.IsDBNull(15) ? null : SnapshotCodec.DecodeStyle((byte[])r.GetValue(15)),
        };

    private static int? LatestScoredDay(SqliteConnection connection, string version)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(day) FROM score_runs WHERE version = $v";
        command.Parameters.AddWithValue("$v", version);
        return command.ExecuteScalar() is long d ? (int)d : null;
    }

    private static Dictionary<string, long> LoadIds(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            map[reader.GetString(0)] = reader.GetInt64(1);
        }

        return map;
    }

    private static Dictionary<AccountKey, long> LoadAccountIds(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT network, source_id, id FROM accounts";
        var map = new Dictionary<AccountKey, long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            map[new AccountKey((Network)reader.GetInt32(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return map;
    }

    private static long UpsertPerson(SqliteConnection connection, SqliteTransaction tx, string key)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO persons(key) VALUES ($k) ON CONFLICT(key) DO UPDATE SET key = excluded.key RETURNING id";
        command.Parameters.AddWithValue("$k", key);
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction tx, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        AddParameters(command, values.Length);
        SetValues(command, values);
        command.ExecuteNonQuery();
    }

    private static void AddParameters(SqliteCommand command, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
        }
    }

    private static void SetValues(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    /// <summary>The stored bytes of the structured parts of a run of snapshots (people <c>[From, To)</c>).</summary>
    private sealed class EncodedChunk
    {
        public const int Size = 8192;

        private EncodedChunk(int to, int count)
        {
            To = to;
            Networks = new byte[count][];
            Explanations = new byte[count][];
            Topics = new byte[]?[count];
            Styles = new byte[]?[count];
            Flags = new string[count];
            People = new ScoreSnapshot[count];
        }

        /// <summary>The chunk's snapshots, read from the list once.</summary>
        public ScoreSnapshot[] People { get; }

        public int To { get; }

        public byte[][] Networks { get; }

        public byte[][] Explanations { get; }

        public byte[]?[] Topics { get; }

        public byte[]?[] Styles { get; }

        public string[] Flags { get; }

        public static EncodedChunk Of(IReadOnlyList<ScoreSnapshot> people, int from, int to)
        {
            // Each snapshot is read from the list once, in order (a list that builds its items as they are read, like
            // the daily run's, builds them on first access), then encoded on every core and inserted from here.
            var chunk = new EncodedChunk(to, to - from);
            for (var i = from; i < to; i++)
            {
                chunk.People[i - from] = people[i];
            }

            Parallel.For(0, to - from, j =>
            {
                var s = chunk.People[j];
                chunk.Networks[j] = SnapshotCodec.EncodeNetworks(s.Networks);
                chunk.Explanations[j] = SnapshotCodec.EncodeExplanation(s.Explanation);
                chunk.Topics[j] = s.Topics.Count > 0 ? SnapshotCodec.EncodeTopics(s.Topics) : null;
                chunk.Styles[j] = s.Style is { } style ? SnapshotCodec.EncodeStyle(style) : null;
                chunk.Flags[j] = SnapshotCodec.EncodeFlags(s.Explanation.Flags);
            });
            return chunk;
        }
    }
}
