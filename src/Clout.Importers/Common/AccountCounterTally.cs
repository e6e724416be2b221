using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Importers.Common;

/// <summary>
/// Collects counters per account while a source is read (audience counters from profiles, per-post counters
/// summed by kind into what the author received) and turns them into one MetricsRecord per account at the end.
/// A post seen in several responses counts once, with the counters of its last sighting.
/// </summary>
internal sealed class AccountCounterTally
{
    private readonly Dictionary<string, Audience> audiences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Account, (ActionKind Kind, long Count)[] Counts)> posts = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    public void SetAudience(string account, long? followers, long? following, long? lists, long? posts)
    {
        var a = Get(account);
        a.Followers = followers ?? a.Followers;
        a.Following = following ?? a.Following;
        a.Lists = lists ?? a.Lists;
        a.Posts = posts ?? a.Posts;
    }

    /// <summary>Records one post's counters (null counts are absent in the source and skipped).</summary>
    public void SetPost(string account, string post, params (ActionKind Kind, long? Count)[] counts)
    {
        var kept = new List<(ActionKind, long)>(counts.Length);
        foreach (var (kind, count) in counts)
        {
            if (count is { } n)
            {
                kept.Add((kind, n));
            }
        }

        if (kept.Count == 0)
        {
            return;
        }

        Get(account);
        posts[post] = (account, kept.ToArray());
    }

    public IEnumerable<MetricsRecord> ToRecords(Network network, DateOnly date)
    {
        var received = new Dictionary<string, Dictionary<ActionKind, long>>(StringComparer.Ordinal);
        foreach (var (account, counts) in posts.Values)
        {
            if (!received.TryGetValue(account, out var r))
            {
                r = [];
                received[account] = r;
            }

            foreach (var (kind, n) in counts)
            {
                r[kind] = r.GetValueOrDefault(kind) + n;
            }
        }

        foreach (var id in order)
        {
            var a = audiences[id];
            yield return new MetricsRecord(network, id, date)
            {
                Followers = a.Followers,
                Following = a.Following,
                Lists = a.Lists,
                Posts = a.Posts,
                Received = received.TryGetValue(id, out var r) ? r : new Dictionary<ActionKind, long>(),
            };
        }
    }

    private Audience Get(string account)
    {
        if (!audiences.TryGetValue(account, out var a))
        {
            a = new Audience();
            audiences[account] = a;
            order.Add(account);
        }

        return a;
    }

    private sealed class Audience
    {
        public long? Followers { get; set; }

        public long? Following { get; set; }

        public long? Lists { get; set; }

        public long? Posts { get; set; }
    }
}
