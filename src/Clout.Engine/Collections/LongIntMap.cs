namespace Clout.Engine.Collections;

/// <summary>
/// Open-addressing map from 64-bit store ids to compact 32-bit indexes. Far smaller and faster than a
/// Dictionary at tens of millions of keys.
/// </summary>
public sealed class LongIntMap
{
    private long[] keys;
    private int[] values;
    private bool[] used;
    private int mask;

    public LongIntMap(int capacity = 1024)
    {
        var size = 1;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        keys = new long[size];
        values = new int[size];
        used = new bool[size];
        mask = size - 1;
    }

    public int Count { get; private set; }

    public void Set(long key, int value)
    {
        if ((Count + 1) * 2 > keys.Length)
        {
            Grow();
        }

        var slot = Slot(key);
        while (used[slot])
        {
            if (keys[slot] == key)
            {
                values[slot] = value;
                return;
            }

            slot = (slot + 1) & mask;
        }

        used[slot] = true;
        keys[slot] = key;
        values[slot] = value;
        Count++;
    }

    public bool TryGet(long key, out int value)
    {
        var slot = Slot(key);
        while (used[slot])
        {
            if (keys[slot] == key)
            {
                value = values[slot];
                return true;
            }

            slot = (slot + 1) & mask;
        }

        value = -1;
        return false;
    }

    private int Slot(long key)
    {
        var h = (ulong)key * 0x9E3779B97F4A7C15UL;
        return (int)(h >> 32) & mask;
    }

    private void Grow()
    {
        var oldKeys = keys;
        var oldValues = values;
        var oldUsed = used;
        keys = new long[oldKeys.Length * 2];
        values = new int[oldKeys.Length * 2];
        used = new bool[oldKeys.Length * 2];
        mask = keys.Length - 1;
        Count = 0;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldUsed[i])
            {
                Set(oldKeys[i], oldValues[i]);
            }
        }
    }
}
