using System.Runtime.CompilerServices;
using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Storage;
using Clout.Storage.ClickHouse.Http;
using Clout.Storage.ClickHouse.Schema;

namespace Clout.Storage.ClickHouse;

public sealed partial class ClickHouseStore
{
    private const int ResolvedColumns = 11;

    /// <summary>
    /// Accounts deduplicated (a record wins over a stub) with their person: the latest link, else their own key.
    /// The join runs on the node that received the query; links are few beside accounts.
    /// </summary>
    private string ResolvedAccounts(string accountWhere = "1", string linkWhere = "1", bool raw = false) => $"""
        SELECT a_sid AS sid, a_network AS network, a_id AS id, if(linked = '', akey, linked) AS person,
            a_handle AS handle, a_name AS name, a_created AS created, a_bio AS bio, a_url AS url, a_labels AS labels, akey{(raw ? ", a_raw AS raw" : string.Empty)}
        FROM (
            SELECT akey, any(sid) AS a_sid, any(network) AS a_network, any(id) AS a_id,
                argMax(handle, ver) AS a_handle, argMax(name, ver) AS a_name, argMax(created, ver) AS a_created,
                argMax(bio, ver) AS a_bio, argMax(url, ver) AS a_url, argMax(labels, ver) AS a_labels{(raw ? ", argMax(raw, ver) AS a_raw" : string.Empty)}
            FROM {_n.All("accounts")} WHERE {accountWhere} GROUP BY akey
        )
        ANY LEFT JOIN (
            SELECT akey, argMax(person, ver) AS linked FROM {_n.All("links")} WHERE {linkWhere} GROUP BY akey
        ) USING akey
        """;

    /// <summary><c>IN</c> for a subquery over a Distributed table inside a query over another: the initiator runs it once.</summary>
    private string In => _n.Cluster is null ? "IN" : "GLOBAL IN";

    public async IAsyncEnumerable<AccountInfo> GetAccountsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var account in _http.RowsAsync(ResolvedAccounts(raw: true) + " ORDER BY network, id", ResolvedColumns + 1, ReadAccountWithRaw, cancellationToken).ConfigureAwait(false))
        {
            yield return account;
        }
    }

    public async Task<PersonInfo?> GetPersonAsync(string person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var p = SqlNames.Quote(person);
        var sql = ResolvedAccounts(
            $"akey = {p} OR akey {In} (SELECT akey FROM {_n.All("links")} WHERE person = {p})",
            $"akey = {p} OR akey {In} (SELECT akey FROM {_n.All("links")} WHERE person = {p})")
            + $" WHERE person = {p} ORDER BY network, id";
        var accounts = await _http.ListAsync(sql, ResolvedColumns, ReadAccount, cancellationToken).ConfigureAwait(false);
        return accounts.Count == 0 ? null : ToPerson(person, accounts);
    }

    public async Task<PersonInfo?> GetPersonByAccountAsync(AccountKey account, CancellationToken cancellationToken = default)
    {
        var key = SqlNames.Quote(account.ToString());
        var rows = await _http.ListAsync(ResolvedAccounts($"akey = {key}", $"akey = {key}"), ResolvedColumns, ReadAccount, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : await GetPersonAsync(rows[0].Person, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PersonInfo>> SearchPeopleAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = query.Trim().TrimStart('@').ToLowerInvariant();
        if (q.Length == 0 || limit <= 0)
        {
            return [];
        }

        var prefix = SqlNames.Quote(q);
        var people = await _http.ListAsync(
            $"""
            SELECT DISTINCT person FROM ({ResolvedAccounts()})
            WHERE startsWith(lowerUTF8(person), {prefix}) OR startsWith(lowerUTF8(ifNull(name, '')), {prefix}) OR startsWith(lowerUTF8(ifNull(handle, '')), {prefix})
            ORDER BY person LIMIT {limit}
            """,
            1,
            r => r.String(0),
            cancellationToken).ConfigureAwait(false);
        var found = new List<PersonInfo>(people.Count);
        foreach (var person in people)
        {
            if (await GetPersonAsync(person, cancellationToken).ConfigureAwait(false) is { } info)
            {
                found.Add(info);
            }
        }

        return found;
    }

    public Task<bool> LinkAsync(string person, AccountKey account, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(person);
        return WriteLinkAsync(account, person, cancellationToken);
    }

    public Task<bool> UnlinkAsync(AccountKey account, CancellationToken cancellationToken = default) =>
        WriteLinkAsync(account, string.Empty, cancellationToken);

    private static AccountInfo ReadAccount(TsvReader r)
    {
        var created = r.NullableInt64(6);
        var labels = r.String(9);
        return new AccountInfo((Network)r.Int32(1), r.String(2), r.NullableString(4), r.NullableString(5), created is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(created.Value), r.String(3))
        {
            Bio = r.NullableString(7),
            Url = r.NullableString(8),
            Labels = labels.Length == 0 ? [] : JsonSerializer.Deserialize<string[]>(labels) ?? [],
        };
    }

    private static AccountInfo ReadAccountWithRaw(TsvReader r) =>
        ReadAccount(r) with { Raw = r.String(ResolvedColumns) is { Length: > 0 } raw ? raw : null };

    /// <summary>A person's name is the first name among their accounts (by network, then id).</summary>
    private static PersonInfo ToPerson(string person, IReadOnlyList<AccountInfo> accounts) =>
        new(person, accounts.FirstOrDefault(a => a.Name is not null)?.Name, accounts);

    private async Task<bool> WriteLinkAsync(AccountKey account, string person, CancellationToken cancellationToken)
    {
        var key = account.ToString();
        var exists = await _http.ExecuteAsync($"SELECT count() FROM {_n.All("accounts")} WHERE akey = {SqlNames.Quote(key)}", cancellationToken).ConfigureAwait(false);
        if (exists.Trim() == "0")
        {
            return false;
        }

        var rows = new RowBinaryWriter();
        rows.String(key).UInt64(AccountIds.Of(key)).String(person).UInt64(NextVersion()).EndRow();
        await _http.Retry.ExecuteAsync(
            async token => await _http.InsertAsync(_n.All("links"), "akey, sid, person, ver", rows, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return true;
    }
}
