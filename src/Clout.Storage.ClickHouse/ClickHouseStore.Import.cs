using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Core.Storage;
using Clout.Storage.ClickHouse.Http;

namespace Clout.Storage.ClickHouse;

public sealed partial class ClickHouseStore
{
    private static readonly int ActionKinds = KindNames.AllActions.Count;

    /// <summary>
    /// Imports in batches: per batch, one query per table finds which records are already stored (by network and
    /// source id; metrics by account and date), then new rows go in as bulk RowBinary inserts through the
    /// Distributed tables with synchronous distributed inserts. A batch that fails transiently is retried after
    /// checking again what arrived, so a half-written batch is completed rather than duplicated.
    /// </summary>
    public async Task<ImportCounts> ImportAsync(IEnumerable<ImportRecord> records, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var total = new ImportCounts();
        long done = 0;
        var batch = new List<ImportRecord>(Math.Min(_options.BatchSize, 100_000));
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Add(record);
            if (batch.Count >= _options.BatchSize)
            {
                total = total.Add(await ImportBatchAsync(batch, cancellationToken).ConfigureAwait(false));
                done += batch.Count;
                progress?.Report(done);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            total = total.Add(await ImportBatchAsync(batch, cancellationToken).ConfigureAwait(false));
            done += batch.Count;
            progress?.Report(done);
        }

        return total;
    }

    private async Task<ImportCounts> ImportBatchAsync(List<ImportRecord> batch, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<string, AccountRecord>(StringComparer.Ordinal);
        var posts = new Dictionary<(Network, string), PostRecord>();
        var actions = new Dictionary<(Network, string), ActionRecord>();
        var metrics = new Dictionary<(string, int), MetricsRecord>();
        var referenced = new Dictionary<string, (Network Network, string Id)>(StringComparer.Ordinal);
        long duplicates = 0;
        long skipped = 0;
        foreach (var record in batch)
        {
            var added = record switch
            {
                AccountRecord a => accounts.TryAdd(AccountIds.Key(a.Network, a.Id), a),
                PostRecord p => posts.TryAdd((p.Network, p.Id), p) && Reference(referenced, p.Network, p.Account),
                ActionRecord a => actions.TryAdd((a.Network, a.Id), a) && Reference(referenced, a.Network, a.Actor) && Reference(referenced, a.Network, a.Target),
                MetricsRecord m => metrics.TryAdd((AccountIds.Key(m.Network, m.Account), DayNumber.Of(m.Date)), m) && Reference(referenced, m.Network, m.Account),
                _ => (bool?)null,
            };
            if (added is null)
            {
                skipped++;
            }
            else if (!added.Value)
            {
                duplicates++;
            }
        }

        var plan = new ImportPlan();
        var existingAccounts = await ExistingAccountsAsync([.. accounts.Keys, .. referenced.Keys], cancellationToken).ConfigureAwait(false);
        foreach (var (key, record) in accounts)
        {
            // A stub (ver 0) made earlier for an actor or target is replaced by the record when it arrives.
            if (existingAccounts.TryGetValue(key, out var ver) && ver > 0)
            {
                duplicates++;
            }
            else
            {
                plan.Accounts.Add(record);
            }
        }

        foreach (var (key, (network, id)) in referenced)
        {
            if (!accounts.ContainsKey(key) && !existingAccounts.ContainsKey(key))
            {
                plan.Stubs.Add((network, id, key));
            }
        }

        var existingPosts = await ExistingIdsAsync("posts", posts.Keys, cancellationToken).ConfigureAwait(false);
        foreach (var (key, post) in posts)
        {
            if (existingPosts.Contains(key))
            {
                duplicates++;
            }
            else
            {
                plan.Posts.Add(post);
            }
        }

        var existingActions = await ExistingIdsAsync("actions", actions.Keys, cancellationToken).ConfigureAwait(false);
        foreach (var (key, action) in actions)
        {
            if (existingActions.Contains(key))
            {
                duplicates++;
            }
            else
            {
                plan.Actions.Add(action);
            }
        }

        var existingMetrics = await ExistingMetricsAsync(metrics.Keys, cancellationToken).ConfigureAwait(false);
        foreach (var (key, m) in metrics)
        {
            if (existingMetrics.Contains(key))
            {
                duplicates++;
            }
            else
            {
                plan.Metrics.Add(m);
            }
        }

        var counts = new ImportCounts
        {
            Accounts = plan.Accounts.Count,
            Posts = plan.Posts.Count,
            Actions = plan.Actions.Count,
            Metrics = plan.Metrics.Count,
            Duplicates = duplicates,
            Skipped = skipped,
        };

        var attempt = 0;
        await _http.Retry.ExecuteAsync(
            async token =>
            {
                var rows = attempt++ == 0 ? plan : await StillMissingAsync(plan, token).ConfigureAwait(false);
                await InsertPlanAsync(rows, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return counts;
    }

    private static bool Reference(Dictionary<string, (Network, string)> referenced, Network network, string id)
    {
        referenced.TryAdd(AccountIds.Key(network, id), (network, id));
        return true;
    }

    /// <summary>After a failed attempt, the part of a plan that did not arrive (a Distributed insert may have reached some shards).</summary>
    private async Task<ImportPlan> StillMissingAsync(ImportPlan plan, CancellationToken cancellationToken)
    {
        var rest = new ImportPlan();
        var keys = plan.Accounts.Select(a => AccountIds.Key(a.Network, a.Id)).Concat(plan.Stubs.Select(s => s.Key)).ToList();
        var accounts = await ExistingAccountsAsync(keys, cancellationToken).ConfigureAwait(false);
        rest.Accounts.AddRange(plan.Accounts.Where(a => !(accounts.TryGetValue(AccountIds.Key(a.Network, a.Id), out var ver) && ver > 0)));
        rest.Stubs.AddRange(plan.Stubs.Where(s => !accounts.ContainsKey(s.Key)));
        var posts = await ExistingIdsAsync("posts", plan.Posts.Select(p => (p.Network, p.Id)).ToList(), cancellationToken).ConfigureAwait(false);
        rest.Posts.AddRange(plan.Posts.Where(p => !posts.Contains((p.Network, p.Id))));
        var actions = await ExistingIdsAsync("actions", plan.Actions.Select(a => (a.Network, a.Id)).ToList(), cancellationToken).ConfigureAwait(false);
        rest.Actions.AddRange(plan.Actions.Where(a => !actions.Contains((a.Network, a.Id))));
        var metrics = await ExistingMetricsAsync(plan.Metrics.Select(m => (AccountIds.Key(m.Network, m.Account), DayNumber.Of(m.Date))).ToList(), cancellationToken).ConfigureAwait(false);
        rest.Metrics.AddRange(plan.Metrics.Where(m => !metrics.Contains((AccountIds.Key(m.Network, m.Account), DayNumber.Of(m.Date)))));
        return rest;
    }

    private async Task InsertPlanAsync(ImportPlan plan, CancellationToken cancellationToken)
    {
        var accounts = new RowBinaryWriter();
        var links = new RowBinaryWriter();
        foreach (var a in plan.Accounts)
        {
            var key = AccountIds.Key(a.Network, a.Id);
            var sid = AccountIds.Of(key);
            accounts.String(key).UInt64(sid).UInt8((byte)a.Network).String(a.Id).UInt8(1)
                .NullableString(a.Handle).NullableString(a.Name).NullableInt64(a.Created?.ToUnixTimeMilliseconds())
                .NullableString(a.Bio).NullableString(a.Url).String(JsonSerializer.Serialize(a.Labels)).String(a.Raw ?? string.Empty)
                .EndRow();
            if (!string.IsNullOrEmpty(a.Person))
            {
                links.String(key).UInt64(sid).String(a.Person).UInt64(NextVersion()).EndRow();
            }
        }

        foreach (var (network, id, key) in plan.Stubs)
        {
            accounts.String(key).UInt64(AccountIds.Of(key)).UInt8((byte)network).String(id).UInt8(0)
                .NullableString(null).NullableString(null).NullableInt64(null).NullableString(null).NullableString(null)
                .String("[]").String(string.Empty).EndRow();
        }

        await _http.InsertAsync(_n.All("accounts"), "akey, sid, network, id, ver, handle, name, created, bio, url, labels, raw", accounts, cancellationToken).ConfigureAwait(false);
        await _http.InsertAsync(_n.All("links"), "akey, sid, person, ver", links, cancellationToken).ConfigureAwait(false);

        var posts = new RowBinaryWriter();
        foreach (var p in plan.Posts)
        {
            posts.UInt8((byte)p.Network).String(p.Id).String(p.Account).UInt64(AccountIds.Of(AccountIds.Key(p.Network, p.Account)))
                .Int64(p.Time.ToUnixTimeMilliseconds()).Int32(DayNumber.Of(p.Time)).UInt8((byte)p.Kind)
                .NullableString(p.Text).NullableString(p.Url).NullableString(p.Parent).String(p.Raw ?? string.Empty).EndRow();
        }

        await _http.InsertAsync(_n.All("posts"), "network, id, author, author_sid, time, day, kind, text, url, parent, raw", posts, cancellationToken).ConfigureAwait(false);

        var actions = new RowBinaryWriter();
        foreach (var a in plan.Actions)
        {
            actions.UInt8((byte)a.Network).String(a.Id).UInt8((byte)a.Kind).String(a.Actor).String(a.Target)
                .UInt64(AccountIds.Of(AccountIds.Key(a.Network, a.Actor))).UInt64(AccountIds.Of(AccountIds.Key(a.Network, a.Target)))
                .Int64(a.Time.ToUnixTimeMilliseconds()).Int32(DayNumber.Of(a.Time))
                .NullableString(a.Post).NullableString(a.Topic).String(a.Raw ?? string.Empty).EndRow();
        }

        await _http.InsertAsync(_n.All("actions"), "network, id, kind, actor, target, actor_sid, target_sid, time, day, post, topic, raw", actions, cancellationToken).ConfigureAwait(false);

        var metrics = new RowBinaryWriter();
        Span<long> received = stackalloc long[ActionKinds];
        Span<long> sent = stackalloc long[ActionKinds];
        foreach (var m in plan.Metrics)
        {
            var key = AccountIds.Key(m.Network, m.Account);
            Fill(received, m.Received);
            Fill(sent, m.Sent);
            metrics.String(key).UInt64(AccountIds.Of(key)).UInt8((byte)m.Network).String(m.Account).Int32(DayNumber.Of(m.Date)).Int32(m.Days)
                .Int64(m.Followers ?? -1).Int64(m.Following ?? -1).Int64(m.Lists ?? -1).Int64(m.Posts ?? -1)
                .Int64Array(received).Int64Array(sent).String(m.Raw ?? string.Empty).EndRow();
        }

        await _http.InsertAsync(_n.All("metrics"), "akey, sid, network, account, day, days, followers, following, lists, posts, received, sent, raw", metrics, cancellationToken).ConfigureAwait(false);
    }

    private static void Fill(Span<long> target, IReadOnlyDictionary<ActionKind, long> values)
    {
        target.Fill(-1);
        foreach (var (kind, count) in values)
        {
            if ((int)kind >= 0 && (int)kind < target.Length)
            {
                target[(int)kind] = count;
            }
        }
    }

    /// <summary>The highest version stored per account key: 0 for a stub, 1 for an account record; absent keys are missing.</summary>
    private async Task<Dictionary<string, int>> ExistingAccountsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        var table = new TsvWriter();
        foreach (var key in keys)
        {
            table.Field(key).EndRow();
        }

        await _http.QueryAsync(
            $"SELECT akey, max(ver) FROM {_n.All("accounts")} WHERE akey IN _keys GROUP BY akey",
            2,
            r => found[r.String(0)] = r.Int32(1),
            cancellationToken,
            [new ExternalTable("_keys", "akey String", table.ToArray())]).ConfigureAwait(false);
        return found;
    }

    private async Task<HashSet<(Network, string)>> ExistingIdsAsync(string name, IReadOnlyCollection<(Network Network, string Id)> keys, CancellationToken cancellationToken)
    {
        var found = new HashSet<(Network, string)>();
        if (keys.Count == 0)
        {
            return found;
        }

        var table = new TsvWriter();
        foreach (var (network, id) in keys)
        {
            table.Field((int)network).Field(id).EndRow();
        }

        await _http.QueryAsync(
            $"SELECT DISTINCT network, id FROM {_n.All(name)} WHERE (network, id) IN _keys",
            2,
            r => found.Add(((Network)r.Int32(0), r.String(1))),
            cancellationToken,
            [new ExternalTable("_keys", "network UInt8, id String", table.ToArray())]).ConfigureAwait(false);
        return found;
    }

    private async Task<HashSet<(string, int)>> ExistingMetricsAsync(IReadOnlyCollection<(string Key, int Day)> keys, CancellationToken cancellationToken)
    {
        var found = new HashSet<(string, int)>();
        if (keys.Count == 0)
        {
            return found;
        }

        var table = new TsvWriter();
        foreach (var (key, day) in keys)
        {
            table.Field(key).Field(day).EndRow();
        }

        await _http.QueryAsync(
            $"SELECT DISTINCT akey, day FROM {_n.All("metrics")} WHERE (akey, day) IN _keys",
            2,
            r => found.Add((r.String(0), r.Int32(1))),
            cancellationToken,
            [new ExternalTable("_keys", "akey String, day Int32", table.ToArray())]).ConfigureAwait(false);
        return found;
    }
}
