using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Core.Storage;

namespace Clout.Engine.Tests.Model;

/// <summary>
/// Feeds records to a window sink the way a store does (accounts first, then daily roll-ups, and single actions when the sink asks for them), so engine tests
/// can build scenarios from plain records without a database.
/// </summary>
internal sealed class RecordWindow
{
    private readonly List<AccountRecord> accounts = [];
    private readonly List<ActionRecord> actions = [];
    private readonly List<PostRecord> posts = [];
    private readonly List<MetricsRecord> metrics = [];

    public RecordWindow Add(IEnumerable<ImportRecord> records)
    {
        foreach (var r in records)
        {
            switch (r)
            {
                case AccountRecord a: accounts.Add(a); break;
                case ActionRecord a: actions.Add(a); break;
                case PostRecord p: posts.Add(p); break;
                case MetricsRecord m: metrics.Add(m); break;
            }
        }

        return this;
    }

    public RecordWindow Add(params ImportRecord[] records) => Add((IEnumerable<ImportRecord>)records);

    public RecordWindow Link(AccountKey account, string person)
    {
        var i = accounts.FindIndex(a => a.Key == account);
        accounts[i] = accounts[i] with { Person = person };
        return this;
    }

    public void Feed(IWindowSink sink, bool reverseAccounts = false)
    {
        var ids = new Dictionary<AccountKey, long>();
        var known = new Dictionary<AccountKey, AccountRecord>();
        foreach (var a in accounts)
        {
            known[a.Key] = a;
        }

        long Id(Network n, string id)
        {
            var key = new AccountKey(n, id);
            if (!ids.TryGetValue(key, out var value))
            {
                value = ids.Count + 1;
                ids[key] = value;
                if (!known.ContainsKey(key))
                {
                    known[key] = new AccountRecord(n, id);
                }
            }

            return value;
        }

        foreach (var a in accounts)
        {
            Id(a.Network, a.Id);
        }

        foreach (var x in actions)
        {
            Id(x.Network, x.Actor);
            Id(x.Network, x.Target);
        }

        foreach (var p in posts)
        {
            Id(p.Network, p.Account);
        }

        var order = ids.OrderBy(p => p.Value).ToList();
        if (reverseAccounts)
        {
            order.Reverse();
        }

        foreach (var (key, id) in order)
        {
            var a = known[key];
            sink.Account(new WindowAccount(reverseAccounts ? 1_000_000 - id : id, key.Network, key.Id, a.Person ?? PersonId.Of(key).Value, a.Handle, a.Created is { } c ? DayNumber.Of(c) : null));
        }

        long Map(long id) => reverseAccounts ? 1_000_000 - id : id;
        foreach (var g in actions.GroupBy(x => (x.Network, x.Actor, x.Target, x.Kind, Day: DayNumber.Of(x.Time))))
        {
            sink.Rollup(Map(Id(g.Key.Network, g.Key.Actor)), Map(Id(g.Key.Network, g.Key.Target)), g.Key.Kind, g.Key.Day, g.Count());
        }

        if (sink.ActionDays > 0)
        {
            // Every action with its time; the sink keeps those of its last days, as a store sends only those.
            foreach (var x in actions)
            {
                sink.Action(Map(Id(x.Network, x.Actor)), Map(Id(x.Network, x.Target)), x.Kind, x.Time.ToUnixTimeSeconds());
            }
        }

        foreach (var g in posts.GroupBy(p => (p.Network, p.Account, p.Kind, Day: DayNumber.Of(p.Time))))
        {
            sink.Posts(Map(Id(g.Key.Network, g.Key.Account)), g.Key.Kind, g.Key.Day, g.Count());
        }

        Span<long> received = stackalloc long[KindNames.AllActions.Count];
        Span<long> sent = stackalloc long[KindNames.AllActions.Count];
        foreach (var m in metrics)
        {
            received.Fill(-1);
            sent.Fill(-1);
            foreach (var (k, v) in m.Received)
            {
                received[(int)k] = v;
            }

            sink.Metrics(Map(Id(m.Network, m.Account)), DayNumber.Of(m.Date), m.Days, m.Followers ?? -1, m.Following ?? -1, m.Lists ?? -1, m.Posts ?? -1, received, sent);
        }
    }
}
