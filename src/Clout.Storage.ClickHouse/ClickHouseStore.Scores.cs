using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Core.Storage;
using Clout.Storage.ClickHouse.Http;
using Clout.Storage.ClickHouse.Schema;

namespace Clout.Storage.ClickHouse;

public sealed partial class ClickHouseStore
{
    private const int RunColumns = 9;
    private const int SnapshotColumns = 15;
    private const int FlushBytes = 32 << 20;

    /// <summary>
    /// Writes every row under a new run id, checks that all of them arrived, and only then inserts the one row that
    /// publishes the run for (day, version). Readers follow the published run id, so they see the old run or the new
    /// one, never a mix; a failed attempt leaves unpublished rows that nothing reads. Transient failures retry the
    /// whole write under a fresh run id.
    /// </summary>
    public async Task WriteScoresAsync(ScoreRun run, IReadOnlyList<ScoreSnapshot> people, IReadOnlyList<AccountScore> accounts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(accounts);
        var day = DayNumber.Of(run.Day);
        var previous = await PublishedRunIdAsync(day, run.Version, cancellationToken).ConfigureAwait(false);
        var runId = string.Empty;
        await _http.Retry.ExecuteAsync(
            async token =>
            {
                runId = Guid.NewGuid().ToString("N");
                var (topicRows, scoreRows) = await InsertPeopleAsync(run, runId, people, token).ConfigureAwait(false);
                await InsertAccountScoresAsync(day, run.Version, runId, accounts, token).ConfigureAwait(false);
                await CheckCountAsync("snapshots", day, run.Version, runId, people.Count, token).ConfigureAwait(false);
                await CheckCountAsync("account_scores", day, run.Version, runId, accounts.Count, token).ConfigureAwait(false);
                await CheckCountAsync("snapshot_topics", day, run.Version, runId, topicRows, token).ConfigureAwait(false);
                await CheckCountAsync("topic_scores", day, run.Version, runId, scoreRows, token).ConfigureAwait(false);

                var publish = new RowBinaryWriter();
                publish.Int32(day).String(run.Version).String(runId).UInt8(run.Shadow ? (byte)1 : (byte)0)
                    .Int64(run.Started.ToUnixTimeMilliseconds()).Float64(run.Seconds).Int32(run.People).Int32(run.Accounts).Int64(run.Edges)
                    .UInt64(NextVersion()).EndRow();
                await _http.InsertAsync(_n.All("runs"), "day, version, run_id, shadow, started, seconds, people, accounts, edges, ver", publish, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        if (previous is not null)
        {
            await DropOtherRunsAsync(day, run.Version, runId).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyDictionary<string, double>> GetScoresAsync(DateOnly day, string version, CancellationToken cancellationToken = default)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var d = DayNumber.Of(day);
        if (await PublishedRunIdAsync(d, version, cancellationToken).ConfigureAwait(false) is not { } runId)
        {
            return scores;
        }

        await _http.QueryAsync(
            $"SELECT person, score FROM {_n.All("snapshots")} WHERE {RunFilter(d, version, runId)}",
            2,
            r => scores[r.String(0)] = r.Float64(1),
            cancellationToken).ConfigureAwait(false);
        return scores;
    }

    public Task<ScoreSnapshot?> GetSnapshotAsync(string person, DateOnly? day, string version, CancellationToken cancellationToken = default) =>
        GetSnapshotAsync(person, day, version, SnapshotParts.All, cancellationToken);

    public async Task<ScoreSnapshot?> GetSnapshotAsync(string person, DateOnly? day, string version, SnapshotParts parts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        if ((day ?? await GetLatestScoredDayAsync(version, cancellationToken).ConfigureAwait(false)) is not { } chosen)
        {
            return null;
        }

        var d = DayNumber.Of(chosen);
        if (await PublishedRunIdAsync(d, version, cancellationToken).ConfigureAwait(false) is not { } runId)
        {
            return null;
        }

        var rows = await _http.ListAsync(
            $"""
            SELECT person, day, version, score, bucket, reach, amplification, network_impact, audience,
                day_change, week_change, month_change, {(parts.HasFlag(SnapshotParts.Networks) ? "networks" : "''")},
                {((parts & (SnapshotParts.Explanation | SnapshotParts.Flags)) != 0 ? "explanation" : "''")}, run_id
            FROM {_n.All("snapshots")} WHERE {RunFilter(d, version, runId)} AND person = {SqlNames.Quote(person)} LIMIT 1
            """,
            SnapshotColumns,
            ReadSnapshot,
            cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }

        if ((parts & (SnapshotParts.Topics | SnapshotParts.Style)) == 0)
        {
            return rows[0];
        }

        var extras = await _http.ListAsync(
            $"SELECT topics, style FROM {_n.All("snapshot_topics")} WHERE {RunFilter(d, version, runId)} AND person = {SqlNames.Quote(person)} LIMIT 1",
            2,
            r => (Topics: r.String(0), Style: r.String(1)),
            cancellationToken).ConfigureAwait(false);
        return extras.Count == 0 ? rows[0] : rows[0] with
        {
            Topics = parts.HasFlag(SnapshotParts.Topics) ? ScoreJson.Topics(extras[0].Topics) : [],
            Style = parts.HasFlag(SnapshotParts.Style) ? ScoreJson.Style(extras[0].Style) : null,
        };
    }

    public async Task<IReadOnlyList<LeaderboardEntry>> GetLeaderboardAsync(DateOnly? day, string version, Network? network, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (limit <= 0 || (day ?? await GetLatestScoredDayAsync(version, cancellationToken).ConfigureAwait(false)) is not { } chosen)
        {
            return [];
        }

        var d = DayNumber.Of(chosen);
        if (await PublishedRunIdAsync(d, version, cancellationToken).ConfigureAwait(false) is not { } runId)
        {
            return [];
        }

        var filter = network is null
            ? string.Empty
            : $" AND person {In} (SELECT person FROM ({ResolvedAccounts($"network = {(int)network.Value}", $"akey {In} (SELECT akey FROM {_n.All("accounts")} WHERE network = {(int)network.Value})")}))";
        var rows = await _http.ListAsync(
            $"""
            SELECT person, score, bucket, day_change FROM {_n.All("snapshots")}
            WHERE {RunFilter(d, version, runId)}{filter}
            ORDER BY score DESC, person ASC LIMIT {offset.ToString(CultureInfo.InvariantCulture)}, {limit.ToString(CultureInfo.InvariantCulture)}
            """,
            4,
            r => (Person: r.String(0), Score: r.Float64(1), Bucket: r.String(2), DayChange: r.NullableFloat64(3)),
            cancellationToken).ConfigureAwait(false);

        var names = await NamesAsync(rows.Select(r => r.Person).ToList(), cancellationToken).ConfigureAwait(false);
        var entries = new List<LeaderboardEntry>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            names.TryGetValue(row.Person, out var name);
            entries.Add(new LeaderboardEntry(offset + i + 1, row.Person, name.Name, name.Handle, row.Score, row.Bucket, row.DayChange));
        }

        return entries;
    }

    public async Task<IReadOnlyList<HistoryPoint>> GetHistoryAsync(string person, DateOnly from, DateOnly to, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var first = DayNumber.Of(from);
        var last = DayNumber.Of(to);
        var runs = (await PublishedRunsAsync($"version = {SqlNames.Quote(version)} AND day >= {first} AND day <= {last}", cancellationToken).ConfigureAwait(false))
            .ToList();
        if (runs.Count == 0)
        {
            return [];
        }

        var table = new TsvWriter();
        foreach (var (_, runId) in runs)
        {
            table.Field(runId).EndRow();
        }

        return await _http.ListAsync(
            $"""
            SELECT day, score, reach, amplification, network_impact FROM {_n.All("snapshots")}
            WHERE version = {SqlNames.Quote(version)} AND day >= {first} AND day <= {last} AND person = {SqlNames.Quote(person)} AND run_id IN _runs
            ORDER BY day
            """,
            5,
            r => new HistoryPoint(DayNumber.ToDate(r.Int32(0)), r.Float64(1), r.Float64(2), r.Float64(3), r.Float64(4)),
            cancellationToken,
            [new ExternalTable("_runs", "run_id String", table.ToArray())]).ConfigureAwait(false);
    }

    public async Task<DateOnly?> GetLatestScoredDayAsync(string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var rows = await _http.ListAsync(
            $"SELECT max(day), count() FROM {_n.All("runs")} WHERE version = {SqlNames.Quote(version)}",
            2,
            r => (Day: r.Int32(0), Count: r.Int64(1)),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 || rows[0].Count == 0 ? null : DayNumber.ToDate(rows[0].Day);
    }

    public async Task<IReadOnlyList<ScoreRun>> GetRunsAsync(CancellationToken cancellationToken = default) =>
        await _http.ListAsync(
            $"{PublishedRunsSql("1")} ORDER BY day, version",
            RunColumns,
            r => new ScoreRun(
                DayNumber.ToDate(r.Int32(0)),
                r.String(1),
                r.Int32(3) != 0,
                DateTimeOffset.FromUnixTimeMilliseconds(r.Int64(4)),
                r.Float64(5),
                r.Int32(6),
                r.Int32(7),
                r.Int64(8)),
            cancellationToken).ConfigureAwait(false);

    private static string RunFilter(int day, string version, string runId) =>
        $"version = {SqlNames.Quote(version)} AND day = {day.ToString(CultureInfo.InvariantCulture)} AND run_id = {SqlNames.Quote(runId)}";

    // Parts not asked for come as '' and stay empty.
    private static ScoreSnapshot ReadSnapshot(TsvReader r) =>
        new(r.String(0), DayNumber.ToDate(r.Int32(1)), r.String(2), r.Float64(3), r.String(4))
        {
            Reach = r.Float64(5),
            Amplification = r.Float64(6),
            NetworkImpact = r.Float64(7),
            Audience = r.Float64(8),
            DayChange = r.NullableFloat64(9),
            WeekChange = r.NullableFloat64(10),
            MonthChange = r.NullableFloat64(11),
            Networks = ScoreJson.Networks(r.String(12)),
            Explanation = ScoreJson.Explanation(r.String(13)),
        };

    private string PublishedRunsSql(string where) => $"""
        SELECT day, version, argMax(run_id, ver), argMax(shadow, ver), argMax(started, ver), argMax(seconds, ver),
            argMax(people, ver), argMax(accounts, ver), argMax(edges, ver)
        FROM {_n.All("runs")} WHERE {where} GROUP BY day, version
        """;

    private async Task<List<(int Day, string RunId)>> PublishedRunsAsync(string where, CancellationToken cancellationToken) =>
        await _http.ListAsync(PublishedRunsSql(where), RunColumns, r => (r.Int32(0), r.String(2)), cancellationToken).ConfigureAwait(false);

    private async Task<string?> PublishedRunIdAsync(int day, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var runs = await PublishedRunsAsync($"version = {SqlNames.Quote(version)} AND day = {day.ToString(CultureInfo.InvariantCulture)}", cancellationToken).ConfigureAwait(false);
        return runs.Count == 0 ? null : runs[0].RunId;
    }

    /// <summary>Display name and handle per person: the first of their accounts (by network, then id) that has one.</summary>
    private async Task<Dictionary<string, (string? Name, string? Handle)>> NamesAsync(IReadOnlyList<string> people, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, (string? Name, string? Handle)>(StringComparer.Ordinal);
        if (people.Count == 0)
        {
            return names;
        }

        var table = new TsvWriter();
        foreach (var person in people)
        {
            table.Field(person).EndRow();
        }

        var linked = $"akey {In} (SELECT akey FROM {_n.All("links")} WHERE person IN _people) OR akey IN _people";
        await _http.QueryAsync(
            $"SELECT person, name, handle FROM ({ResolvedAccounts(linked, linked)}) WHERE person IN _people ORDER BY network, id",
            3,
            r =>
            {
                var person = r.String(0);
                names.TryGetValue(person, out var current);
                names[person] = (current.Name ?? r.NullableString(1), current.Handle ?? r.NullableString(2));
            },
            cancellationToken,
            [new ExternalTable("_people", "person String", table.ToArray())]).ConfigureAwait(false);
        return names;
    }

    private async Task InsertAccountScoresAsync(int day, string version, string runId, IReadOnlyList<AccountScore> accounts, CancellationToken cancellationToken)
    {
        const string columns = "day, version, run_id, network, account, person, quality, value, score";
        var rows = new RowBinaryWriter();
        foreach (var a in accounts)
        {
            rows.Int32(day).String(version).String(runId).UInt8((byte)a.Network).String(a.Account).String(a.Person)
                .Float64(a.Quality).Float64(a.Value).Float64(a.Score).EndRow();
            if (rows.Length >= FlushBytes || rows.Rows >= _options.BatchSize)
            {
                await _http.InsertAsync(_n.All("account_scores"), columns, rows, cancellationToken).ConfigureAwait(false);
                rows = new RowBinaryWriter();
            }
        }

        await _http.InsertAsync(_n.All("account_scores"), columns, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the snapshots in one pass (people may be built as they are read): one row each, the topics and style of
    /// every snapshot that has any, and one row per (person, topic) for topic leaderboards (a slug listed twice keeps
    /// its last score). A snapshot of another day or version is refused before anything is published. Returns the
    /// rows written to the two topic tables.
    /// </summary>
    private async Task<(int Snapshots, int Scores)> InsertPeopleAsync(ScoreRun run, string runId, IReadOnlyList<ScoreSnapshot> people, CancellationToken cancellationToken)
    {
        const string columns = "day, version, run_id, person, score, bucket, reach, amplification, network_impact, audience, day_change, week_change, month_change, networks, explanation";
        const string extraColumns = "day, version, run_id, person, topics, style";
        const string scoreColumns = "day, version, run_id, topic, person, score, overall, bucket";
        var (day, version) = (DayNumber.Of(run.Day), run.Version);
        var rows = new RowBinaryWriter();
        var extras = new RowBinaryWriter();
        var scores = new RowBinaryWriter();
        var bySlug = new Dictionary<string, double>(StringComparer.Ordinal);
        int extraRows = 0, scoreRows = 0;
        foreach (var s in people)
        {
            if (s.Day != run.Day || s.Version != run.Version)
            {
                throw new ArgumentException($"snapshot of '{s.Person}' is for {s.Day:yyyy-MM-dd} version '{s.Version}', expected the run's {run.Day:yyyy-MM-dd} version '{run.Version}'", nameof(people));
            }

            rows.Int32(day).String(version).String(runId).String(s.Person).Float64(s.Score).String(s.Bucket)
                .Float64(s.Reach).Float64(s.Amplification).Float64(s.NetworkImpact).Float64(s.Audience)
                .NullableFloat64(s.DayChange).NullableFloat64(s.WeekChange).NullableFloat64(s.MonthChange)
                .String(ScoreJson.Write(s.Networks)).String(ScoreJson.Write(s.Explanation)).EndRow();
            if (rows.Length >= FlushBytes || rows.Rows >= _options.BatchSize)
            {
                await _http.InsertAsync(_n.All("snapshots"), columns, rows, cancellationToken).ConfigureAwait(false);
                rows = new RowBinaryWriter();
            }

            if (s.Topics.Count == 0 && s.Style is null)
            {
                continue;
            }

            extras.Int32(day).String(version).String(runId).String(s.Person)
                .String(s.Topics.Count == 0 ? string.Empty : ScoreJson.Write(s.Topics))
                .String(s.Style is null ? string.Empty : ScoreJson.Write(s.Style)).EndRow();
            extraRows++;
            bySlug.Clear();
            foreach (var topic in s.Topics)
            {
                bySlug[topic.Slug] = topic.Score;
            }

            foreach (var (slug, score) in bySlug)
            {
                scores.Int32(day).String(version).String(runId).String(slug).String(s.Person).Float64(score).Float64(s.Score).String(s.Bucket).EndRow();
                scoreRows++;
            }

            if (extras.Length >= FlushBytes || extras.Rows >= _options.BatchSize)
            {
                await _http.InsertAsync(_n.All("snapshot_topics"), extraColumns, extras, cancellationToken).ConfigureAwait(false);
                extras = new RowBinaryWriter();
            }

            if (scores.Length >= FlushBytes || scores.Rows >= _options.BatchSize)
            {
                await _http.InsertAsync(_n.All("topic_scores"), scoreColumns, scores, cancellationToken).ConfigureAwait(false);
                scores = new RowBinaryWriter();
            }
        }

        await _http.InsertAsync(_n.All("snapshots"), columns, rows, cancellationToken).ConfigureAwait(false);
        await _http.InsertAsync(_n.All("snapshot_topics"), extraColumns, extras, cancellationToken).ConfigureAwait(false);
        await _http.InsertAsync(_n.All("topic_scores"), scoreColumns, scores, cancellationToken).ConfigureAwait(false);
        return (extraRows, scoreRows);
    }

    private async Task CheckCountAsync(string table, int day, string version, string runId, int expected, CancellationToken cancellationToken)
    {
        var text = await _http.ExecuteAsync($"SELECT count() FROM {_n.All(table)} WHERE {RunFilter(day, version, runId)}", cancellationToken).ConfigureAwait(false);
        var count = long.Parse(text.Trim(), CultureInfo.InvariantCulture);
        if (count != expected)
        {
            throw new ClickHouseException($"store '{Location}': {table} of run {runId} has {count} rows after writing {expected}; the run was not published", 0, transient: true);
        }
    }

    /// <summary>
    /// Removes rows of replaced runs of (day, version) on every node. Best effort: they are never read, and a node that
    /// is down keeps its old rows until the day is scored again.
    /// </summary>
    private async Task DropOtherRunsAsync(int day, string version, string runId)
    {
        foreach (var node in _options.Nodes)
        {
            foreach (var table in (string[])["snapshots", "account_scores", "snapshot_topics", "topic_scores"])
            {
                try
                {
                    await _http.ExecuteAsync(
                        $"ALTER TABLE {_n.Local(table)} DELETE WHERE version = {SqlNames.Quote(version)} AND day = {day.ToString(CultureInfo.InvariantCulture)} AND run_id != {SqlNames.Quote(runId)}",
                        CancellationToken.None,
                        node,
                        idempotent: false).ConfigureAwait(false);
                }
                catch (ClickHouseException)
                {
                    // Left for the next run of this day: unpublished rows are invisible to readers.
                }
            }
        }
    }
}
