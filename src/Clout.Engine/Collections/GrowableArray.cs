namespace Clout.Engine.Collections;

/// <summary>An append-only column of unmanaged values that doubles its buffer: no per-item objects.</summary>
public sealed class GrowableArray<T>(int capacity = 1024)
    where T : unmanaged
{
    private T[] items = new T[Math.Max(16, capacity)];

    public int Count { get; private set; }

    public Span<T> Span => items.AsSpan(0, Count);

    public T this[int index]
    {
        get => items[index];
        set => items[index] = value;
    }

    public void Add(T value)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, checked((int)Math.Min(Array.MaxLength, (long)items.Length * 2)));
        }

        items[Count++] = value;
    }

    public void AddRange(ReadOnlySpan<T> values)
    {
        if (Count + values.Length > items.Length)
        {
            var size = (long)items.Length;
            while (size < Count + values.Length)
            {
                size *= 2;
            }

            Array.Resize(ref items, checked((int)Math.Min(Array.MaxLength, size)));
        }

        values.CopyTo(items.AsSpan(Count));
        Count += values.Length;
    }

    /// <summary>Forgets the values and keeps the buffer.</summary>
    public void Clear() => Count = 0;

    /// <summary>The values as an array of exactly <see cref="Count"/> items (the buffer itself when it fits).</summary>
    public T[] ToArray()
    {
        if (items.Length != Count)
        {
            Array.Resize(ref items, Count);
        }

        return items;
    }
}
