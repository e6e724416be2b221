using Clout.Core.Domain;
using Clout.Core.Storage;
using Clout.Engine.Collections;
using Clout.Engine.Model;

namespace Clout.Engine.Window;

/// <summary>
/// Receives a window from a store (<see cref="IWindowSink"/>) and keeps it as compact columns: store ids become
/// canonical indexes, each roll-up row becomes one decayed, kind-weighted weight. Stores send every account first;
/// the account order is fixed at the first other row.
/// </summary>
public sealed class WindowBuilder : IWindowSink
{
    private readonly ModelParameters parameters;
    private readonly int day;
    private readonly double[] decay;
    private readonly double[]? recentDecay;
    private readonly GrowableArray<long> storeIds = new();
    private readonly GrowableArray<byte> networks = new();
    private readonly GrowableArray<int> created = new();
    private readonly List<string> sourceIds = [];
    private readonly List<string?> handles = [];
    private readonly List<string> persons = [];
    private readonly GrowableArray<int> rowActor = new(1 << 16);
    private readonly GrowableArray<int> rowTarget = new(1 << 16);
    private readonly GrowableArray<byte> rowGroup = new(1 << 16);
    private readonly GrowableArray<float> rowWeight = new(1 << 16);
    private readonly GrowableArray<float>? rowRecentWeight;
    private readonly GrowableArray<float>? rowLateWeight;
    private IdIndex? index;
    private int[] order = [];
    private int n;
    private long[] actionsReceived = [];
    private long[] actionsSent = [];
    private long[] followsReceived = [];
    private long[] posts = [];
    private int[] postsRaw = [];
    private int[] postsByKind = [];
    private long[] followers = [];
    private long[] lists = [];
    private double[] counterEngagement = [];
    private double[] counterEngagers = [];
    private double[] counterPosts = [];

    public WindowBuilder(ModelParameters parameters, DateOnly day)
    {
        this.parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        this.day = DayNumber.Of(day);
        decay = new double[parameters.WindowDays];
        for (var age = 0; age < decay.Length; age++)
        {
            decay[age] = parameters.Decay(age);
        }

        if (parameters.HasRecentReach)
        {
            recentDecay = new double[parameters.WindowDays];
            for (var age = 0; age < recentDecay.Length; age++)
            {
                recentDecay[age] = parameters.RecentDecay(age);
            }

            rowRecentWeight = new GrowableArray<float>(1 << 16);
        }

        if (parameters.HasLateReach)
        {
            rowLateWeight = new GrowableArray<float>(1 << 16);
            ActionDays = parameters.LateDays;
        }
    }

    public int ActionDays { get; }

    public long RowsReceived { get; private set; }

    /// <summary>Told the rows received so far, every 65,536 rows (a window at a million people is tens of millions).</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>The canonical index of an account by the store's id, or -1 (for other streams of the same window, such as topic evidence).</summary>
    public int IndexOf(long storeId)
    {
        Seal();
        return index!.TryGet(storeId, out var a) ? a : -1;
    }

    public void Account(in WindowAccount account)
    {
        if (index is not null)
        {
            throw new InvalidOperationException("the store sent an account after other window rows; accounts must come first");
        }

        storeIds.Add(account.StoreId);
        networks.Add((byte)account.Network);
        created.Add(account.CreatedDay ?? int.MinValue);
        sourceIds.Add(account.SourceId);
        handles.Add(account.Handle);
        persons.Add(account.Person);
    }

    public void Rollup(long actor, long target, ActionKind kind, int day, int count)
    {
        Seal();
        if ((++RowsReceived & 0xFFFF) == 0)
        {
            Progress?.Report(RowsReceived);
        }

        var age = this.day - day;
        if (age < 0 || age >= decay.Length || kind == ActionKind.Block)
        {
            return;
        }

        if (!index!.TryGet(actor, out var a) || !index.TryGet(target, out var t) || a == t)
        {
            return; // self-engagement never counts
        }

        if (kind == ActionKind.Follow)
        {
            followsReceived[t] += count;
        }
        else if (kind.IsEngagement())
        {
            actionsReceived[t] += count;
            actionsSent[a] += count;
        }

        rowActor.Add(a);
        rowTarget.Add(t);
        rowGroup.Add((byte)SignalGroups.Of(kind));
        rowWeight.Add((float)(count * parameters.KindWeight(kind) * decay[age]));
        if (recentDecay is not null)
        {
            rowRecentWeight!.Add((float)(count * parameters.KindWeight(kind) * recentDecay[age]));
        }

        rowLateWeight?.Add(0);
    }

    public void Action(long actor, long target, ActionKind kind, long time)
    {
        Seal();
        if ((++RowsReceived & 0xFFFF) == 0)
        {
            Progress?.Report(RowsReceived);
        }

        // The same action is in its day's roll-up, which carries its other weights: this row adds only late reach.
        var hours = ((((long)day + 1) * 86400) - time) / 3600.0;
        if (rowLateWeight is null || hours < 0 || hours > ActionDays * 24 || !kind.IsEngagement()
            || !index!.TryGet(actor, out var a) || !index.TryGet(target, out var t) || a == t)
        {
            return;
        }

        rowActor.Add(a);
        rowTarget.Add(t);
        rowGroup.Add((byte)SignalGroups.Of(kind));
        rowWeight.Add(0);
        rowRecentWeight?.Add(0);
        rowLateWeight.Add((float)(parameters.KindWeight(kind) * parameters.LateDecay(hours)));
    }

    public void Posts(long account, PostKind kind, int day, int count)
    {
        Seal();
        var age = this.day - day;
        if (age < 0 || age >= decay.Length || !index!.TryGet(account, out var a))
        {
            return;
        }

        if (kind != PostKind.Reshare)
        {
            // Amplification is reactions per piece of own content; passing on someone else's post is not one.
            posts[a] += FixedPoint.From(count * decay[age]);
        }

        postsRaw[a] += count;
        postsByKind[(a * 4) + (int)kind] += count;
    }

    public void Metrics(long account, int day, int days, long followers, long following, long lists, long posts, ReadOnlySpan<long> received, ReadOnlySpan<long> sent)
    {
        Seal();
        if (!index!.TryGet(account, out var a))
        {
            return;
        }

        this.followers[a] = followers;
        this.lists[a] = lists;
        var age = Math.Max(0, this.day - day);
        var freshness = Math.Pow(0.5, age / parameters.CounterHalfLifeDays);

        // Counters cover their own period; scale them to the window so a 30-day and a 90-day snapshot compare.
        var scale = freshness * Math.Min(1.0, parameters.WindowDays / (double)Math.Max(1, days));
        double engagement = 0, engagers = 0;
        for (var k = 0; k < received.Length; k++)
        {
            var kind = (ActionKind)k;
            if (received[k] > 0 && kind.IsEngagement())
            {
                var w = parameters.KindWeight(kind);
                engagement += w * received[k];
                engagers += w * Math.Pow(received[k], 0.8);
            }
        }

        counterEngagement[a] = engagement * scale;
        counterEngagers[a] = engagers * scale;

        // Lifetime post counts say little about the period; only a share proportional to the period is used.
        counterPosts[a] = posts > 0 ? posts * scale * Math.Min(1.0, days / 365.0) : 0;
    }

    /// <summary>Fixes the account order and returns the window as columns.</summary>
    public ScoringInput Build()
    {
        Seal();
        var canonicalSource = new string[n];
        var canonicalHandle = new string?[n];
        var canonicalNetwork = new Network[n];
        var canonicalCreated = new int[n];
        var person = new int[n];
        var personIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var personKeys = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var original = order[i];
            canonicalSource[i] = sourceIds[original];
            canonicalHandle[i] = handles[original];
            canonicalNetwork[i] = (Network)networks[original];
            canonicalCreated[i] = created[original];
            var key = persons[original];
            if (!personIndex.TryGetValue(key, out var p))
            {
                p = personKeys.Count;
                personIndex[key] = p;
                personKeys.Add(key);
            }

            person[i] = p;
        }

        return new ScoringInput
        {
            Day = day,
            Accounts = n,
            Network = canonicalNetwork,
            SourceId = canonicalSource,
            Handle = canonicalHandle,
            CreatedDay = canonicalCreated,
            Person = person,
            PersonKeys = [.. personKeys],
            RowActor = rowActor.ToArray(),
            RowTarget = rowTarget.ToArray(),
            RowGroup = rowGroup.ToArray(),
            RowWeight = rowWeight.ToArray(),
            RowRecentWeight = rowRecentWeight?.ToArray() ?? [],
            RowLateWeight = rowLateWeight?.ToArray() ?? [],
            ActionsReceived = actionsReceived,
            ActionsSent = actionsSent,
            FollowsReceived = followsReceived,
            Posts = FixedPoint.ToDoubles(posts),
            PostsRaw = postsRaw,
            PostsByKind = postsByKind,
            Followers = followers,
            Lists = lists,
            CounterEngagement = counterEngagement,
            CounterEngagers = counterEngagers,
            CounterPosts = counterPosts,
        };
    }

    private void Seal()
    {
        if (index is not null)
        {
            return;
        }

        n = storeIds.Count;

        // Canonical order: by network, then a stable hash of the source id, ties by the id itself.
        var keys = new ulong[n];
        order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = ((ulong)networks[i] << 56) | (StableHash(sourceIds[i]) >> 8);
            order[i] = i;
        }

        Array.Sort(keys, order);
        for (var i = 1; i < n; i++)
        {
            if (keys[i] == keys[i - 1])
            {
                var j = i;
                while (j + 1 < n && keys[j + 1] == keys[i - 1])
                {
                    j++;
                }

                Array.Sort(order, i - 1, j - i + 2, Comparer<int>.Create((x, y) => string.CompareOrdinal(sourceIds[x], sourceIds[y])));
                i = j;
            }
        }

        var sortedIds = new long[n];
        var positions = new int[n];
        for (var i = 0; i < n; i++)
        {
            sortedIds[i] = storeIds[order[i]];
            positions[i] = i;
        }

        index = new IdIndex(sortedIds, positions);

        actionsReceived = new long[n];
        actionsSent = new long[n];
        followsReceived = new long[n];
        posts = new long[n];
        postsRaw = new int[n];
        postsByKind = new int[n * 4];
        followers = new long[n];
        lists = new long[n];
        Array.Fill(followers, -1);
        Array.Fill(lists, -1);
        counterEngagement = new double[n];
        counterEngagers = new double[n];
        counterPosts = new double[n];
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes and platforms, unlike string.GetHashCode.</summary>
    internal static ulong StableHash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}
