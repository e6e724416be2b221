using System.Globalization;
using Clout.Core.Storage;
using Clout.Storage.ClickHouse.Http;
using Clout.Storage.ClickHouse.Schema;

namespace Clout.Storage.ClickHouse;

/// <summary>
/// The scale-out store: a ClickHouse cluster reached over HTTP. Local MergeTree tables on each node, Distributed tables
/// over them sharded by account, roll-ups kept by materialized views, the scoring window aggregated in the cluster.
/// Imports are not atomic (<see cref="AtomicImport"/> is false): batches that were written stay written, and
/// re-running an import completes it without duplicating anything.
/// </summary>
public sealed partial class ClickHouseStore : ICloutStore
{
    private readonly ClickHouseStoreOptions _options;
    private readonly ClickHouseHttp _http;
    private readonly SqlNames _n;
    private readonly TimeProvider _time;
    private long _lastVersion;

    public ClickHouseStore(ClickHouseStoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Nodes.Count == 0)
        {
            throw new ArgumentException("a ClickHouse store needs at least one node", nameof(options));
        }

        _options = options;
        _time = time ?? TimeProvider.System;
        _http = new ClickHouseHttp(options);
        _n = new SqlNames(options.Database, options.Cluster);
    }

    public string Location => _options.Location;

    public bool AtomicImport => false;

    /// <summary>Opens the store a <c>clickhouse://</c> URI names (credentials may come from the environment).</summary>
    public static ClickHouseStore Open(string uri) => new(ClickHouseStoreOptions.FromUri(StoreUri.Parse(uri)));

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        foreach (var node in _options.Nodes)
        {
            await CheckClusterAsync(node, cancellationToken).ConfigureAwait(false);
            var current = await NodeVersionAsync(node, cancellationToken).ConfigureAwait(false);
            foreach (var migration in Migrations.All)
            {
                if (migration.Version <= current)
                {
                    continue;
                }

                foreach (var statement in migration.Statements(_n))
                {
                    await _http.ExecuteAsync(statement, cancellationToken, node).ConfigureAwait(false);
                }

                await _http.ExecuteAsync(
                    $"INSERT INTO {_n.Local("schema_version")} (version, applied) VALUES ({migration.Version.ToString(CultureInfo.InvariantCulture)}, now())",
                    cancellationToken,
                    node).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The lowest schema version over all nodes: the version every node has reached.</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        var lowest = int.MaxValue;
        foreach (var node in _options.Nodes)
        {
            lowest = Math.Min(lowest, await NodeVersionAsync(node, cancellationToken).ConfigureAwait(false));
        }

        return lowest;
    }

    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var rows = await _http.ListAsync(
            $"SELECT argMax(value, ver) FROM {_n.All("settings")} WHERE key = {SqlNames.Quote(key)} GROUP BY key",
            1,
            r => r.String(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var rows = new RowBinaryWriter();
        rows.String(key).String(value).UInt64(NextVersion()).EndRow();

        // The same (key, ver) row written twice is replaced by itself, so the insert is safe to retry.
        await _http.Retry.ExecuteAsync(
            async token => await _http.InsertAsync(_n.All("settings"), "key, value, ver", rows, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A version for replacing rows (links, settings, runs): UTC ticks, strictly increasing within the process.</summary>
    private ulong NextVersion()
    {
        var now = _time.GetUtcNow().UtcTicks;
        while (true)
        {
            var last = Interlocked.Read(ref _lastVersion);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastVersion, next, last) == last)
            {
                return (ulong)next;
            }
        }
    }

    private async Task<int> NodeVersionAsync(Uri node, CancellationToken cancellationToken)
    {
        var exists = await _http.ExecuteAsync(
            $"SELECT count() FROM system.tables WHERE database = {SqlNames.Quote(_n.Database)} AND name = 'schema_version_local'",
            cancellationToken,
            node).ConfigureAwait(false);
        if (exists.Trim() == "0")
        {
            return 0;
        }

        var text = await _http.ExecuteAsync($"SELECT max(version) FROM {_n.Local("schema_version")}", cancellationToken, node).ConfigureAwait(false);
        return int.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }

    private async Task CheckClusterAsync(Uri node, CancellationToken cancellationToken)
    {
        if (_n.Cluster is null)
        {
            return;
        }

        var text = await _http.ExecuteAsync(
            $"SELECT count() FROM system.clusters WHERE cluster = {SqlNames.Quote(_n.Cluster)}",
            cancellationToken,
            node).ConfigureAwait(false);
        var hosts = int.Parse(text.Trim(), CultureInfo.InvariantCulture);
        if (hosts == 0)
        {
            throw new ClickHouseException($"store '{Location}': node {node.Authority} has no cluster '{_n.Cluster}' in its remote_servers configuration; expected the cluster named by '?cluster='");
        }

        if (hosts != _options.Nodes.Count)
        {
            throw new ClickHouseException(
                $"store '{Location}': cluster '{_n.Cluster}' has {hosts} nodes on {node.Authority} but the URI lists {_options.Nodes.Count}; list the HTTP address of every node so that the schema is created on all of them");
        }
    }
}
