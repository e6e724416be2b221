using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Metric snapshots older than this before the scored day are not used.</summary>
    private const int MetricsMaxAgeDays = 365;

    /// <summary>Every action kind, as a SQL list, so that a time range of actions goes through actions_kind.</summary>
    private static readonly string TimedKinds = string.Join(", ", Enum.GetValues<ActionKind>().Select(k => ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<(DateOnly First, DateOnly Last)?> GetActivitySpanAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT min(d), max(d) FROM (
                SELECT min(day) AS d FROM rollup_actions UNION ALL SELECT max(day) FROM rollup_actions
                UNION ALL SELECT min(day) FROM rollup_posts UNION ALL SELECT max(day) FROM rollup_posts)
            """;
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.IsDBNull(0))
        {
            return null;
        }

        return (DayNumber.ToDate(reader.GetInt32(0)), DayNumber.ToDate(reader.GetInt32(1)));
    }

    public async Task ReadWindowAsync(DateOnly day, int days, IWindowSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var last = DayNumber.Of(day);
        var first = last - days + 1;
        await using var connection = Open();
        using var tx = connection.BeginTransaction(deferred: true);

        // Through SQLite's C API like the roll-ups: 1.0 s instead of 1.9 s through ADO.NET for 1.8 M accounts.
        using (var query = new RawStatement(connection, "SELECT a.id, a.network, a.source_id, p.key, a.handle, a.created FROM accounts a JOIN persons p ON p.id = a.person_id"))
        {
            while (query.Step())
            {
                int? created = query.IsNull(5) ? null : DayNumber.OfUnixSeconds(query.Int64(5));
                sink.Account(new WindowAccount(query.Int64(0), (Network)query.Int32(1), query.Text(2)!, query.Text(3)!, query.Text(4), created));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        using (var query = new RawStatement(connection, "SELECT actor_id, target_id, kind, day, count FROM rollup_actions WHERE day BETWEEN ?1 AND ?2"))
        {
            query.Bind(1, first).Bind(2, last);
            while (query.Step())
            {
                sink.Rollup(query.Int64(0), query.Int64(1), (ActionKind)query.Int32(2), query.Int32(3), query.Int32(4));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (sink.ActionDays > 0)
        {
            // Through actions_kind (kind, time, actor_id, target_id): one time range per kind, from the index alone.
            using var query = new RawStatement(connection, $"SELECT actor_id, target_id, kind, time FROM actions WHERE kind IN ({TimedKinds}) AND time >= ?1 AND time < ?2");
            query.Bind(1, (long)(last - Math.Min(sink.ActionDays, days) + 1) * 86400).Bind(2, ((long)last + 1) * 86400);
            while (query.Step())
            {
                sink.Action(query.Int64(0), query.Int64(1), (ActionKind)query.Int32(2), query.Int64(3));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        using (var query = new RawStatement(connection, "SELECT account_id, kind, day, count FROM rollup_posts WHERE day BETWEEN ?1 AND ?2"))
        {
            query.Bind(1, first).Bind(2, last);
            while (query.Step())
            {
                sink.Posts(query.Int64(0), (PostKind)query.Int32(1), query.Int32(2), query.Int32(3));
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = """
                SELECT m.account_id, m.day, m.days, m.followers, m.following, m.lists, m.posts, m.received, m.sent
                FROM metrics m
                WHERE m.day = (SELECT max(x.day) FROM metrics x WHERE x.account_id = m.account_id AND x.day BETWEEN $f AND $l)
                """;
            command.Parameters.AddWithValue("$f", last - MetricsMaxAgeDays);
            command.Parameters.AddWithValue("$l", last);
            using var reader = command.ExecuteReader();
            Span<long> received = stackalloc long[KindNames.AllActions.Count];
            Span<long> sent = stackalloc long[KindNames.AllActions.Count];
            while (reader.Read())
            {
                MetricCounts.Decode(reader.IsDBNull(7) ? null : reader.GetString(7), received);
                MetricCounts.Decode(reader.IsDBNull(8) ? null : reader.GetString(8), sent);
                sink.Metrics(
                    reader.GetInt64(0),
                    reader.GetInt32(1),
                    reader.GetInt32(2),
                    reader.IsDBNull(3) ? -1 : reader.GetInt64(3),
                    reader.IsDBNull(4) ? -1 : reader.GetInt64(4),
                    reader.IsDBNull(5) ? -1 : reader.GetInt64(5),
                    reader.IsDBNull(6) ? -1 : reader.GetInt64(6),
                    received,
                    sent);
            }
        }

        tx.Commit();
    }
}
