using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Application.Validation;

/// <summary>
/// The actions of a dataset in compact columns (account indexes by first appearance), kept beside the store so
/// a validation can count what happened before and after a cutoff without asking the store.
/// </summary>
public sealed class EventLog
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> ids = [];
    private readonly List<int> actor = [];
    private readonly List<int> target = [];
    private readonly List<ActionKind> kind = [];
    private readonly List<long> time = [];

    public int Accounts => ids.Count;

    public int Count => actor.Count;

    public IReadOnlyList<string> Ids => ids;

    public IReadOnlyList<int> Actor => actor;

    public IReadOnlyList<int> Target => target;

    public IReadOnlyList<ActionKind> Kind => kind;

    /// <summary>Unix seconds.</summary>
    public IReadOnlyList<long> Time => time;

    public long First { get; private set; } = long.MaxValue;

    public long Last { get; private set; } = long.MinValue;

    public int IndexOf(string id)
    {
        if (!index.TryGetValue(id, out var i))
        {
            i = ids.Count;
            index[id] = i;
            ids.Add(id);
        }

        return i;
    }

    public bool TryIndex(string id, out int i) => index.TryGetValue(id, out i);

    public void Add(ActionRecord action)
    {
        ArgumentNullException.ThrowIfNull(action);
        actor.Add(IndexOf(action.Actor));
        target.Add(IndexOf(action.Target));
        kind.Add(action.Kind);
        var t = action.Time.ToUnixTimeSeconds();
        time.Add(t);
        First = Math.Min(First, t);
        Last = Math.Max(Last, t);
    }

    /// <summary>Passes records through (to a store) while keeping their actions; stops on the first bad record.</summary>
    public IEnumerable<ImportRecord> Keep(IEnumerable<ImportItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            if (item.Error is { } error)
            {
                throw new ImportFailedException([error]);
            }

            if (item.Record is ActionRecord a)
            {
                Add(a);
            }

            if (item.Record is not null)
            {
                yield return item.Record;
            }
        }
    }

    /// <summary>Passes generated records through while keeping their actions.</summary>
    public IEnumerable<ImportRecord> Keep(IEnumerable<ImportRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            if (record is ActionRecord a)
            {
                Add(a);
            }

            yield return record;
        }
    }

    /// <summary>First UTC day of the data (day 1 of relative cutoffs).</summary>
    public DateOnly FirstDay => DayNumber.ToDate(DayNumber.OfUnixSeconds(First));

    public DateOnly LastDay => DayNumber.ToDate(DayNumber.OfUnixSeconds(Last));
}
