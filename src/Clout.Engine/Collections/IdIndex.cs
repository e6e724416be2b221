namespace Clout.Engine.Collections;

/// <summary>
/// Maps store ids to compact indexes. When the ids are dense (SQLite row ids: 1…N with few gaps) it is a plain
/// array, one memory read per lookup; otherwise (ClickHouse's hashed ids) an open-addressing <see cref="LongIntMap"/>.
/// A window of millions of roll-up rows makes two lookups per row, so the difference is seconds.
/// </summary>
public sealed class IdIndex
{
    private readonly int[]? dense;
    private readonly long min;
    private readonly LongIntMap? map;

    /// <summary>Maps <paramref name="ids"/>[i] to <paramref name="values"/>[i].</summary>
    public IdIndex(ReadOnlySpan<long> ids, ReadOnlySpan<int> values)
    {
        if (ids.Length != values.Length)
        {
            throw new ArgumentException("ids and values differ in length");
        }

        if (ids.Length > 0)
        {
            long lo = long.MaxValue, hi = long.MinValue;
            foreach (var id in ids)
            {
                lo = Math.Min(lo, id);
                hi = Math.Max(hi, id);
            }

            // Dense when the span is at most four times the count: the array then costs at most 16 bytes an id,
            // no more than the hash map's table.
            var span = (ulong)(hi - lo) + 1;
            if (span <= (ulong)Math.Max(4L * ids.Length, 1 << 16) && span <= int.MaxValue)
            {
                min = lo;
                dense = new int[span];
                Array.Fill(dense, -1);
                for (var i = 0; i < ids.Length; i++)
                {
                    dense[ids[i] - lo] = values[i];
                }

                return;
            }
        }

        map = new LongIntMap(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            map.Set(ids[i], values[i]);
        }
    }

    public bool TryGet(long id, out int value)
    {
        if (dense is not null)
        {
            var offset = unchecked((ulong)(id - min));
            if (offset < (ulong)dense.Length && dense[offset] >= 0)
            {
                value = dense[offset];
                return true;
            }

            value = -1;
            return false;
        }

        return map!.TryGet(id, out value);
    }
}
