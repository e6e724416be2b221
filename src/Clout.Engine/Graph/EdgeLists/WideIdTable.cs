namespace Clout.Engine.Graph.EdgeLists;

/// <summary>Ids too large for an int column, each given a slot stored as <c>-(slot + 1)</c>. Rare, so a lock is enough.</summary>
internal sealed class WideIdTable
{
    private readonly Dictionary<long, int> slots = [];
    private readonly List<long> ids = [];
    private readonly Lock gate = new();

    public IReadOnlyList<long> Ids => ids;

    public int Encode(long id)
    {
        if (id <= int.MaxValue)
        {
            return (int)id;
        }

        lock (gate)
        {
            if (!slots.TryGetValue(id, out var slot))
            {
                slot = ids.Count;
                slots[id] = slot;
                ids.Add(id);
            }

            return -(slot + 1);
        }
    }
}
