using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Storage.ClickHouse;

public sealed partial class ClickHouseStore
{
    private const long MillisecondsPerDay = 86_400_000;

    /// <summary>
    /// Roll-ups are sharded by target, post counts and metrics by their account, so the groups of one shard never
    /// meet another's: each shard sums its own and the node that asked streams them through without merging (with a
    /// merge it would hold every group of the window at once). Single-node stores ignore the setting.
    /// </summary>
    private const string WindowGroupSettings = "distributed_group_by_no_merge=1";

    /// <summary>
    /// Streams the window: every account with its person, then the roll-ups and post counts of the window summed in
    /// the cluster (each shard sums its own accounts' incoming activity), then each account's latest metrics on or
    /// before the day. Only aggregates cross the network, and the raw actions of the last day or two when the version
    /// weighs the last hours (<see cref="IWindowSink.ActionDays"/>).
    /// </summary>
    public async Task ReadWindowAsync(DateOnly day, int days, IWindowSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var to = DayNumber.Of(day);
        var from = to - days + 1;
        var range = $"day >= {from.ToString(CultureInfo.InvariantCulture)} AND day <= {to.ToString(CultureInfo.InvariantCulture)}";

        await _http.QueryAsync(
            $"SELECT sid, network, id, person, handle, created FROM ({ResolvedAccounts()}) ORDER BY network, id",
            6,
            r =>
            {
                var created = r.NullableInt64(5);
                int? createdDay = created is null ? null : (int)Math.Floor(created.Value / (double)MillisecondsPerDay);
                sink.Account(new WindowAccount(unchecked((long)r.UInt64(0)), (Network)r.Int32(1), r.String(2), r.String(3), r.NullableString(4), createdDay));
            },
            cancellationToken).ConfigureAwait(false);

        await _http.QueryAsync(
            $"SELECT actor_sid, target_sid, kind, day, sum(count) FROM {_n.All("rollups")} WHERE {range} GROUP BY actor_sid, target_sid, kind, day",
            5,
            r => sink.Rollup(unchecked((long)r.UInt64(0)), unchecked((long)r.UInt64(1)), (ActionKind)r.Int32(2), r.Int32(3), checked((int)r.Int64(4))),
            cancellationToken,
            settings: WindowGroupSettings).ConfigureAwait(false);

        if (sink.ActionDays > 0)
        {
            var lastDays = $"day >= {(to - Math.Min(sink.ActionDays, days) + 1).ToString(CultureInfo.InvariantCulture)} AND day <= {to.ToString(CultureInfo.InvariantCulture)}";
            await _http.QueryAsync(
                $"SELECT actor_sid, target_sid, kind, intDiv(time, 1000) FROM {_n.All("actions")} WHERE {lastDays}",
                4,
                r => sink.Action(unchecked((long)r.UInt64(0)), unchecked((long)r.UInt64(1)), (ActionKind)r.Int32(2), r.Int64(3)),
                cancellationToken).ConfigureAwait(false);
        }

        await _http.QueryAsync(
            $"SELECT author_sid, kind, day, sum(count) FROM {_n.All("post_days")} WHERE {range} GROUP BY author_sid, kind, day",
            4,
            r => sink.Posts(unchecked((long)r.UInt64(0)), (PostKind)r.Int32(1), r.Int32(2), checked((int)r.Int64(3))),
            cancellationToken,
            settings: WindowGroupSettings).ConfigureAwait(false);

        var received = new long[ActionKinds];
        var sent = new long[ActionKinds];
        await _http.QueryAsync(
            $"""
            SELECT sid, max(day), argMax(days, day), argMax(followers, day), argMax(following, day), argMax(lists, day),
                argMax(posts, day), argMax(received, day), argMax(sent, day)
            FROM {_n.All("metrics")} WHERE day <= {to.ToString(CultureInfo.InvariantCulture)} GROUP BY sid
            """,
            9,
            r =>
            {
                received.AsSpan().Fill(-1);
                sent.AsSpan().Fill(-1);
                r.Int64Array(7, received);
                r.Int64Array(8, sent);
                sink.Metrics(unchecked((long)r.UInt64(0)), r.Int32(1), r.Int32(2), r.Int64(3), r.Int64(4), r.Int64(5), r.Int64(6), received, sent);
            },
            cancellationToken,
            settings: WindowGroupSettings).ConfigureAwait(false);
    }

    public async Task<(DateOnly First, DateOnly Last)?> GetActivitySpanAsync(CancellationToken cancellationToken = default)
    {
        int? first = null;
        int? last = null;
        foreach (var table in (string[])["rollups", "post_days"])
        {
            await _http.QueryAsync(
                $"SELECT min(day), max(day), count() FROM {_n.All(table)}",
                3,
                r =>
                {
                    if (r.Int64(2) > 0)
                    {
                        first = Math.Min(first ?? int.MaxValue, r.Int32(0));
                        last = Math.Max(last ?? int.MinValue, r.Int32(1));
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }

        return first is null || last is null ? null : (DayNumber.ToDate(first.Value), DayNumber.ToDate(last.Value));
    }
}
