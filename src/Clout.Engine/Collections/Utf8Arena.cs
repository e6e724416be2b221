using System.Text;

namespace Clout.Engine.Collections;

/// <summary>
/// Append-only storage for many short strings as UTF-8 in large blocks: one small handle per string instead of a
/// string object (UTF-16, plus its header) per item, so millions of texts cost about their bytes and nothing for the
/// collector to trace. Strings are decoded again only when read.
/// </summary>
public sealed class Utf8Arena
{
    private const int BlockBits = 24;
    private const int BlockSize = 1 << BlockBits;

    private readonly List<byte[]> blocks = [];
    private readonly GrowableArray<long> starts = new();
    private readonly GrowableArray<int> lengths = new();
    private int used = BlockSize;

    public int Count => starts.Count;

    /// <summary>Bytes held in the blocks, allocated or not yet filled.</summary>
    public long Capacity { get; private set; }

    /// <summary>Appends a string and returns its index (0, 1, 2, …).</summary>
    public int Add(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var size = Encoding.UTF8.GetByteCount(value);
        var block = Reserve(size, out var offset);
        Encoding.UTF8.GetBytes(value, block.AsSpan(offset, size));
        starts.Add(((long)(blocks.Count - 1) << BlockBits) | (uint)offset);
        lengths.Add(size);
        return starts.Count - 1;
    }

    public string this[int index] => Encoding.UTF8.GetString(Bytes(index));

    public ReadOnlySpan<byte> Bytes(int index)
    {
        var start = starts[index];
        return blocks[(int)(start >> BlockBits)].AsSpan((int)(start & (BlockSize - 1)), lengths[index]);
    }

    private byte[] Reserve(int size, out int offset)
    {
        if (size > BlockSize)
        {
            // A string larger than a block gets a block of its own, exactly its size.
            blocks.Add(new byte[size]);
            Capacity += size;
            used = BlockSize;
            offset = 0;
            return blocks[^1];
        }

        if (blocks.Count == 0 || used + size > BlockSize)
        {
            blocks.Add(new byte[BlockSize]);
            Capacity += BlockSize;
            used = 0;
        }

        offset = used;
        used += size;
        return blocks[^1];
    }
}
