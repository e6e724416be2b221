using Clout.Core.Records;
using Clout.Core.Storage;
using Clout.Storage.ClickHouse.Http;
using Clout.Storage.ClickHouse.Schema;

namespace Clout.Storage.ClickHouse;

public sealed partial class ClickHouseStore
{
    private const string SyncColumns = "id, connector, endpoint, follow, created, cursor, last_run, last_error, last_count, deleted, ver";

    public Task<IReadOnlyList<SyncSource>> ListSyncSourcesAsync(CancellationToken cancellationToken = default) =>
        SyncSourcesAsync("1", cancellationToken);

    public Task SaveSyncSourceAsync(SyncSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return WriteSyncSourceAsync(source, deleted: false, cancellationToken);
    }

    public async Task<bool> RemoveSyncSourceAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var existing = await SyncSourcesAsync($"id = {SqlNames.Quote(id)}", cancellationToken).ConfigureAwait(false);
        if (existing.Count == 0)
        {
            return false;
        }

        await WriteSyncSourceAsync(existing[0], deleted: true, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// ClickHouse has no transaction across tables: the page is stored first, then the cursor. A crash in between
    /// leaves the old cursor, so the next run fetches the page again and the import deduplicates it by source id.
    /// </summary>
    public async Task<ImportCounts> ImportSyncPageAsync(IEnumerable<ImportRecord> records, SyncSource advanced, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(advanced);
        var counts = await ImportAsync(records, progress: null, cancellationToken).ConfigureAwait(false);
        await WriteSyncSourceAsync(advanced, deleted: false, cancellationToken).ConfigureAwait(false);
        return counts;
    }

    private async Task WriteSyncSourceAsync(SyncSource s, bool deleted, CancellationToken cancellationToken)
    {
        var rows = new RowBinaryWriter();
        rows.String(s.Id).String(s.Connector).String(s.Endpoint).String(s.Follow).Int64(s.Created.ToUnixTimeMilliseconds())
            .String(s.Cursor ?? string.Empty).Int64(s.LastRun?.ToUnixTimeMilliseconds() ?? 0).String(s.LastError ?? string.Empty)
            .Int64(s.LastCount).UInt8(deleted ? (byte)1 : (byte)0).UInt64(NextVersion()).EndRow();
        await _http.Retry.ExecuteAsync(
            async token => await _http.InsertAsync(_n.All("sync_sources"), SyncColumns, rows, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<SyncSource>> SyncSourcesAsync(string filter, CancellationToken cancellationToken)
    {
        return await _http.ListAsync(
            $"""
            SELECT id, connector, endpoint, follow, created, cursor, last_run, last_error, last_count FROM (
                SELECT id, argMax(connector, ver) AS connector, argMax(endpoint, ver) AS endpoint, argMax(follow, ver) AS follow,
                    argMax(created, ver) AS created, argMax(cursor, ver) AS cursor, argMax(last_run, ver) AS last_run,
                    argMax(last_error, ver) AS last_error, argMax(last_count, ver) AS last_count, argMax(deleted, ver) AS deleted
                FROM {_n.All("sync_sources")} GROUP BY id)
            WHERE deleted = 0 AND {filter}
            ORDER BY id
            """,
            9,
            r => new SyncSource(r.String(0), r.String(1), r.String(2), r.String(3), DateTimeOffset.FromUnixTimeMilliseconds(r.Int64(4)))
            {
                Cursor = r.String(5) is { Length: > 0 } c ? c : null,
                LastRun = r.Int64(6) == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.Int64(6)),
                LastError = r.String(7) is { Length: > 0 } e ? e : null,
                LastCount = r.Int64(8),
            },
            cancellationToken).ConfigureAwait(false);
    }
}
