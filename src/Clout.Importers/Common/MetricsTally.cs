using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Importers.Common;

/// <summary>
/// Gathers the counters of one import into a single <see cref="MetricsRecord"/> per account and date: a store keeps
/// one snapshot per account and day, so several partial records for the same day would overwrite each other.
/// Per-post counters are summed once per post and date even when the post appears in several listings.
/// </summary>
internal sealed class MetricsTally(Network network)
{
    private readonly Dictionary<(string Account, DateOnly Date), Entry> entries = [];
    private readonly List<(string Account, DateOnly Date)> order = [];
    private readonly HashSet<(string Post, DateOnly Date)> counted = [];

    public bool IsEmpty => order.Count == 0;

    public void Audience(string account, DateOnly date, long? followers = null, long? following = null, long? posts = null)
    {
        var e = Get(account, date);
        e.Followers = followers ?? e.Followers;
        e.Following = following ?? e.Following;
        e.Posts = posts ?? e.Posts;
    }

    /// <summary>Adds the counters one post received; a post already counted on this date adds nothing.</summary>
    public void Post(string account, DateOnly date, string post, params (ActionKind Kind, long? Count)[] counts)
    {
        var any = false;
        foreach (var (_, count) in counts)
        {
            any |= count is > 0;
        }

        if (!any || !counted.Add((post, date)))
        {
            return;
        }

        var e = Get(account, date);
        foreach (var (kind, count) in counts)
        {
            if (count is > 0)
            {
                e.Received[kind] = e.Received.GetValueOrDefault(kind) + count.Value;
            }
        }
    }

    /// <summary>A total the source reports for the whole account: it wins over a smaller sum of the posts seen.</summary>
    public void ReceivedAtLeast(string account, DateOnly date, ActionKind kind, long total)
    {
        var e = Get(account, date);
        if (total > e.Received.GetValueOrDefault(kind))
        {
            e.Received[kind] = total;
        }
    }

    public IEnumerable<MetricsRecord> Records()
    {
        foreach (var key in order)
        {
            var e = entries[key];
            yield return new MetricsRecord(network, key.Account, key.Date)
            {
                Followers = e.Followers,
                Following = e.Following,
                Posts = e.Posts,
                Received = e.Received,
            };
        }
    }

    private Entry Get(string account, DateOnly date)
    {
        if (!entries.TryGetValue((account, date), out var e))
        {
            e = new Entry();
            entries.Add((account, date), e);
            order.Add((account, date));
        }

        return e;
    }

    private sealed class Entry
    {
        public long? Followers { get; set; }

        public long? Following { get; set; }

        public long? Posts { get; set; }

        public Dictionary<ActionKind, long> Received { get; } = [];
    }
}
