using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Storage;
using Clout.Storage.ClickHouse.Http;

namespace Clout.Storage.ClickHouse;

public sealed partial class ClickHouseStore
{
    private const double UnknownQuality = 0.5;

    /// <summary>
    /// Counts come from the cluster per (post, kind, actor); the quality sums are added up here in a fixed order so
    /// that the result does not depend on how shards and threads interleave.
    /// </summary>
    public async Task<IReadOnlyList<PostEngagement>> GetPostEngagementAsync(IReadOnlyList<AccountKey> authors, DateOnly from, DateOnly to, DateOnly qualityDay, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authors);
        ArgumentNullException.ThrowIfNull(version);
        if (authors.Count == 0)
        {
            return [];
        }

        var authorTable = new TsvWriter();
        foreach (var author in authors)
        {
            authorTable.Field((int)author.Network).Field(author.Id).EndRow();
        }

        var rows = await _http.ListAsync(
            $"""
            SELECT network, ifNull(post, ''), target, kind, actor, count() FROM {_n.All("actions")}
            WHERE (network, target) IN _authors AND isNotNull(post)
                AND day >= {DayNumber.Of(from).ToString(CultureInfo.InvariantCulture)} AND day <= {DayNumber.Of(to).ToString(CultureInfo.InvariantCulture)}
            GROUP BY network, post, target, kind, actor
            """,
            6,
            r => (Network: (Network)r.Int32(0), Post: r.String(1), Author: r.String(2), Kind: (ActionKind)r.Int32(3), Actor: r.String(4), Count: r.Int64(5)),
            cancellationToken,
            [new ExternalTable("_authors", "network UInt8, id String", authorTable.ToArray())]).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return [];
        }

        var quality = await QualitiesAsync(rows.Select(r => (r.Network, r.Actor)).Distinct().ToList(), DayNumber.Of(qualityDay), version, cancellationToken).ConfigureAwait(false);
        var posts = await PostsAsync(rows.Select(r => (r.Network, r.Post)).Distinct().ToList(), cancellationToken).ConfigureAwait(false);

        var result = new List<PostEngagement>();
        foreach (var group in rows
            .OrderBy(r => r.Network).ThenBy(r => r.Post, StringComparer.Ordinal).ThenBy(r => r.Kind).ThenBy(r => r.Actor, StringComparer.Ordinal)
            .GroupBy(r => (r.Network, r.Post, r.Author, r.Kind)))
        {
            long count = 0;
            var sum = 0.0;
            foreach (var r in group)
            {
                count += r.Count;
                sum += r.Count * (quality.TryGetValue((r.Network, r.Actor), out var q) ? q : UnknownQuality);
            }

            posts.TryGetValue((group.Key.Network, group.Key.Post), out var post);
            result.Add(new PostEngagement(group.Key.Network, group.Key.Post, group.Key.Author, group.Key.Kind, count, sum)
            {
                Text = post.Text,
                Url = post.Url,
                Time = post.Time,
            });
        }

        return result;
    }

    private async Task<Dictionary<(Network, string), double>> QualitiesAsync(IReadOnlyList<(Network Network, string Account)> actors, int day, string version, CancellationToken cancellationToken)
    {
        var quality = new Dictionary<(Network, string), double>();
        if (await PublishedRunIdAsync(day, version, cancellationToken).ConfigureAwait(false) is not { } runId)
        {
            return quality;
        }

        var table = new TsvWriter();
        foreach (var (network, account) in actors)
        {
            table.Field((int)network).Field(account).EndRow();
        }

        await _http.QueryAsync(
            $"SELECT network, account, quality FROM {_n.All("account_scores")} WHERE {RunFilter(day, version, runId)} AND (network, account) IN _actors",
            3,
            r => quality[((Network)r.Int32(0), r.String(1))] = r.Float64(2),
            cancellationToken,
            [new ExternalTable("_actors", "network UInt8, account String", table.ToArray())]).ConfigureAwait(false);
        return quality;
    }

    private async Task<Dictionary<(Network, string), (string? Text, string? Url, DateTimeOffset? Time)>> PostsAsync(IReadOnlyList<(Network Network, string Id)> keys, CancellationToken cancellationToken)
    {
        var posts = new Dictionary<(Network, string), (string? Text, string? Url, DateTimeOffset? Time)>();
        var table = new TsvWriter();
        foreach (var (network, id) in keys)
        {
            table.Field((int)network).Field(id).EndRow();
        }

        await _http.QueryAsync(
            $"SELECT network, id, any(text), any(url), any(time) FROM {_n.All("posts")} WHERE (network, id) IN _posts GROUP BY network, id",
            5,
            r => posts[((Network)r.Int32(0), r.String(1))] = (r.NullableString(2), r.NullableString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.Int64(4))),
            cancellationToken,
            [new ExternalTable("_posts", "network UInt8, id String", table.ToArray())]).ConfigureAwait(false);
        return posts;
    }
}
