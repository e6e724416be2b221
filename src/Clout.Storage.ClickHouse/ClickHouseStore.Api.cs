using System.Collections.Concurrent;
using Clout.Core.Domain;
using Clout.Core.Storage;
using Clout.Storage.ClickHouse.Http;
using Clout.Storage.ClickHouse.Schema;

namespace Clout.Storage.ClickHouse;

public sealed partial class ClickHouseStore
{
    private const string KeyColumns = "id, name, hash, created, revoked, per_second, per_day, ver";

    // Klout ids are hashes of person ids: the reverse map is built from the persons the cluster knows, and rebuilt
    // on a miss, so people imported since are found too.
    private readonly ConcurrentDictionary<long, string> _kloutIds = new();

    public async Task<string?> FindPersonByKloutIdAsync(long kloutId, CancellationToken cancellationToken = default)
    {
        if (_kloutIds.TryGetValue(kloutId, out var person))
        {
            return person;
        }

        await _http.QueryAsync(
            $"SELECT DISTINCT person FROM ({ResolvedAccounts()})",
            1,
            r =>
            {
                var key = r.String(0);
                _kloutIds[KloutId.Of(key)] = key;
            },
            cancellationToken).ConfigureAwait(false);
        return _kloutIds.TryGetValue(kloutId, out person) ? person : null;
    }

    public async Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var existing = await ApiKeysAsync($"id = {SqlNames.Quote(key.Id)} OR hash = {SqlNames.Quote(key.Hash)}", cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0)
        {
            throw new InvalidOperationException($"an API key with id '{key.Id}' or the same hash already exists");
        }

        await WriteApiKeyAsync(key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKey?> FindApiKeyAsync(string hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var keys = await ApiKeysAsync($"hash = {SqlNames.Quote(hash)}", cancellationToken).ConfigureAwait(false);
        return keys.Count == 0 ? null : keys[0];
    }

    public Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        ApiKeysAsync("1", cancellationToken);

    public async Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var keys = await ApiKeysAsync($"id = {SqlNames.Quote(id)}", cancellationToken).ConfigureAwait(false);
        if (keys.Count == 0)
        {
            return false;
        }

        if (keys[0].Revoked is null)
        {
            await WriteApiKeyAsync(keys[0] with { Revoked = when }, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task WriteApiKeyAsync(ApiKey key, CancellationToken cancellationToken)
    {
        // A new row with a higher version replaces the key (revocation); absent values are 0 / -1, not nulls,
        // which argMax handles the same on every ClickHouse release.
        var rows = new RowBinaryWriter();
        rows.String(key.Id).String(key.Name).String(key.Hash).Int64(key.Created.ToUnixTimeMilliseconds())
            .Int64(key.Revoked?.ToUnixTimeMilliseconds() ?? 0).Int32(key.PerSecond ?? -1).Int32(key.PerDay ?? -1)
            .UInt64(NextVersion()).EndRow();
        await _http.Retry.ExecuteAsync(
            async token => await _http.InsertAsync(_n.All("api_keys"), KeyColumns, rows, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ApiKey>> ApiKeysAsync(string filter, CancellationToken cancellationToken)
    {
        var keys = await _http.ListAsync(
            $"""
            SELECT id, name, hash, created, revoked, per_second, per_day FROM (
                SELECT id, argMax(name, ver) AS name, argMax(hash, ver) AS hash, argMax(created, ver) AS created,
                    argMax(revoked, ver) AS revoked, argMax(per_second, ver) AS per_second, argMax(per_day, ver) AS per_day
                FROM {_n.All("api_keys")} GROUP BY id)
            WHERE {filter}
            ORDER BY created, id
            """,
            7,
            r => new ApiKey(r.String(0), r.String(1), r.String(2), DateTimeOffset.FromUnixTimeMilliseconds(r.Int64(3)))
            {
                Revoked = r.Int64(4) == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.Int64(4)),
                PerSecond = r.Int32(5) < 0 ? null : r.Int32(5),
                PerDay = r.Int32(6) < 0 ? null : r.Int32(6),
            },
            cancellationToken).ConfigureAwait(false);
        return keys;
    }
}
