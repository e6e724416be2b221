using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Storage;
using Clout.Storage.ClickHouse.Schema;

namespace Clout.Storage.ClickHouse;

public sealed partial class ClickHouseStore
{
    /// <summary>
    /// Streams the topic window: every account with its profile text, then the window's posts with the reactions
    /// other accounts aimed at them, then list adds and endorsements. Reactions are counted on the shards: an action
    /// aimed at a post's author is stored on the author's shard, so each shard joins its own posts and actions and
    /// only one row per post leaves it. Posts and attributions come in a fixed order (time, network, id), so topic
    /// sums do not depend on how the shards' answers interleave.
    /// </summary>
    public async Task ReadTopicWindowAsync(DateOnly day, int days, ITopicSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var last = DayNumber.Of(day);
        var first = last - days + 1;
        var from = first.ToString(CultureInfo.InvariantCulture);
        var to = last.ToString(CultureInfo.InvariantCulture);

        await _http.QueryAsync(
            $"SELECT sid, network, id, person, bio FROM ({ResolvedAccounts()}) ORDER BY network, id",
            5,
            r => sink.Account(unchecked((long)r.UInt64(0)), (Network)r.Int32(1), r.String(2), r.String(3), r.NullableString(4)),
            cancellationToken).ConfigureAwait(false);

        if (sink.WantsPosts)
        {
            await ReadTopicPostsAsync(from, to, sink, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var previous = (Network: -1, Id: string.Empty);
        await _http.QueryAsync(
            $"""
            SELECT network, id, actor_sid, target_sid, kind, ifNull(topic, ''), day FROM {_n.All("actions")}
            WHERE kind IN ({(int)ActionKind.List}, {(int)ActionKind.Endorse}) AND isNotNull(topic) AND day >= {from} AND day <= {to}
            ORDER BY time, network, id
            """,
            7,
            r =>
            {
                // A duplicate of an action (same network and id) has the same time, so it follows the original.
                var key = (r.Int32(0), r.String(1));
                if (key == previous)
                {
                    return;
                }

                previous = key;
                sink.Attribution(unchecked((long)r.UInt64(2)), unchecked((long)r.UInt64(3)), (ActionKind)r.Int32(4), r.String(5), r.Int32(6));
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TopicLeaderboardEntry>> GetTopicLeaderboardAsync(string topic, DateOnly? day, string version, Network? network, double minScore, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(version);
        if (limit <= 0 || double.IsNaN(minScore) || double.IsPositiveInfinity(minScore)
            || (day ?? await GetLatestScoredDayAsync(version, cancellationToken).ConfigureAwait(false)) is not { } chosen)
        {
            return [];
        }

        var d = DayNumber.Of(chosen);
        if (await PublishedRunIdAsync(d, version, cancellationToken).ConfigureAwait(false) is not { } runId)
        {
            return [];
        }

        var min = double.IsNegativeInfinity(minScore) ? string.Empty : $" AND score >= {minScore.ToString("R", CultureInfo.InvariantCulture)}";
        var filter = network is null
            ? string.Empty
            : $" AND person {In} (SELECT person FROM ({ResolvedAccounts($"network = {(int)network.Value}", $"akey {In} (SELECT akey FROM {_n.All("accounts")} WHERE network = {(int)network.Value})")}))";
        var rows = await _http.ListAsync(
            $"""
            SELECT person, score, overall, bucket FROM {_n.All("topic_scores")}
            WHERE {RunFilter(d, version, runId)} AND topic = {SqlNames.Quote(topic)}{min}{filter}
            ORDER BY score DESC, overall DESC, person ASC LIMIT {limit.ToString(CultureInfo.InvariantCulture)}
            """,
            4,
            r => (Person: r.String(0), TopicScore: r.Float64(1), Score: r.Float64(2), Bucket: r.String(3)),
            cancellationToken).ConfigureAwait(false);

        var names = await NamesAsync(rows.Select(r => r.Person).ToList(), cancellationToken).ConfigureAwait(false);
        var entries = new List<TopicLeaderboardEntry>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            names.TryGetValue(row.Person, out var name);
            entries.Add(new TopicLeaderboardEntry(i + 1, row.Person, name.Name, name.Handle, row.TopicScore, row.Score, row.Bucket));
        }

        return entries;
    }

    /// <summary>
    /// Posts of the window, each with its reactions as parallel arrays of kinds and counts. The right side of the join
    /// reads the shard's local actions (no <c>GLOBAL</c>): it only needs the actions aimed at the shard's own authors,
    /// and only those on the shard's posts of the window, counted once per action id.
    /// </summary>
    private async Task ReadTopicPostsAsync(string from, string to, ITopicSink sink, CancellationToken cancellationToken)
    {
        var reactions = new int[ActionKinds];
        var kinds = new long[ActionKinds];
        var counts = new long[ActionKinds];
        var previous = (Network: -1, Id: string.Empty);
        await _http.QueryAsync(
            $"""
            SELECT network, id, author_sid, kind, day, text, r_kinds, r_counts FROM {_n.All("posts")}
            ANY LEFT JOIN (
                SELECT r_network AS network, r_post AS id, r_author AS author, groupArray(r_kind) AS r_kinds, groupArray(r_count) AS r_counts
                FROM (
                    SELECT network AS r_network, ifNull(post, '') AS r_post, target AS r_author, kind AS r_kind, toUInt64(uniqExact(id)) AS r_count
                    FROM {_n.Local("actions")}
                    WHERE isNotNull(post) AND actor != target AND day <= {to}
                        AND (network, ifNull(post, '')) IN (SELECT network, id FROM {_n.Local("posts")} WHERE day >= {from} AND day <= {to})
                    GROUP BY r_network, r_post, r_author, r_kind
                )
                GROUP BY r_network, r_post, r_author
            ) USING (network, id, author)
            WHERE day >= {from} AND day <= {to}
            ORDER BY time, network, id
            """,
            8,
            r =>
            {
                // A duplicate of a post (same network and id) has the same time, so it follows the original.
                var key = (r.Int32(0), r.String(1));
                if (key == previous)
                {
                    return;
                }

                previous = key;
                reactions.AsSpan().Clear();
                var n = r.Int64Array(6, kinds);
                if (r.Int64Array(7, counts) != n)
                {
                    throw new ClickHouseException($"store '{Location}': post {key.Item2} came with {n} reaction kinds but a different number of counts");
                }

                for (var i = 0; i < n; i++)
                {
                    if ((ulong)kinds[i] < (ulong)reactions.Length)
                    {
                        reactions[kinds[i]] += checked((int)counts[i]);
                    }
                }

                sink.Post(unchecked((long)r.UInt64(2)), key.Item2, (PostKind)r.Int32(3), r.Int32(4), r.NullableString(5), reactions);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
