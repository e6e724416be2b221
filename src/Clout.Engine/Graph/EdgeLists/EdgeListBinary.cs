using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Clout.Engine.Graph.EdgeLists;

/// <summary>
/// The binary edge list (docs/formats/edge-list.md): a 24-byte header — the magic "CLTEDGES", a little-endian uint32
/// version (1), uint32 flags (bit 0: weighted, bit 1: 64-bit ids) and uint64 edge count — followed by packed
/// little-endian records of source id, target id (uint32, or uint64 with bit 1) and, when weighted, a float32 weight.
/// Read in parallel blocks straight into columns.
/// </summary>
public static class EdgeListBinary
{
    public const int HeaderBytes = 24;
    public const uint Version = 1;
    public const uint WeightedFlag = 1;
    public const uint WideIdsFlag = 2;

    private static readonly byte[] Magic = "CLTEDGES"u8.ToArray();

    public static bool IsBinary(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[8];
        return stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) == 8 && head.SequenceEqual(Magic);
    }

    /// <summary>Reads a binary edge list. <paramref name="weighted"/> false ignores stored weights; true requires them.</summary>
    public static EdgeList Read(string path, bool weighted, int threads, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        var header = new byte[HeaderBytes];
        if (RandomAccess.Read(handle, header, 0) < HeaderBytes || !header.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new EdgeListException(path, "byte 0", "expected a binary edge list starting with \"CLTEDGES\" and a 24-byte header");
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
        if (version != Version)
        {
            throw new EdgeListException(path, "byte 8", $"version {version} is not supported; expected {Version}");
        }

        var flags = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(12));
        if ((flags & ~(WeightedFlag | WideIdsFlag)) != 0)
        {
            throw new EdgeListException(path, "byte 12", $"unknown flags 0x{flags:x}; expected bit 0 (weighted) and bit 1 (64-bit ids) only");
        }

        var stored = (flags & WeightedFlag) != 0;
        if (weighted && !stored)
        {
            throw new EdgeListException(path, "byte 12", "the file has no weights but the list is read as weighted; drop --weighted or write the weights");
        }

        var wideIds = (flags & WideIdsFlag) != 0;
        var count = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(16));
        var idBytes = wideIds ? 8 : 4;
        var record = (2 * idBytes) + (stored ? 4 : 0);
        if (count > (ulong)Array.MaxLength)
        {
            throw new EdgeListException(path, "byte 16", $"{count:N0} edges is more than one edge list can hold ({Array.MaxLength:N0})");
        }

        var expected = HeaderBytes + ((long)count * record);
        if (length != expected)
        {
            throw new EdgeListException(path, $"byte {Math.Min(length, expected)}", $"the header announces {count:N0} edges of {record} bytes, so {expected:N0} bytes; the file has {length:N0} ({(length < expected ? "truncated" : "trailing bytes")})");
        }

        var n = (int)count;
        var source = GC.AllocateUninitializedArray<int>(n);
        var target = GC.AllocateUninitializedArray<int>(n);
        var weight = weighted ? GC.AllocateUninitializedArray<float>(n) : null;
        var wide = new WideIdTable();
        var perChunk = Math.Max(1, (1 << 20) / record);
        var chunks = (n + perChunk - 1) / perChunk;
        var errors = new EdgeListException?[chunks];
        long done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };
        Parallel.For(0, chunks, parallel, () => new byte[perChunk * record], (c, state, buffer) =>
        {
            var first = c * perChunk;
            var edges = Math.Min(perChunk, n - first);
            var span = buffer.AsSpan(0, edges * record);
            RandomAccess.Read(handle, span, HeaderBytes + ((long)first * record));
            for (var i = 0; i < edges; i++)
            {
                var r = span.Slice(i * record, record);
                long s = wideIds ? (long)BinaryPrimitives.ReadUInt64LittleEndian(r) : BinaryPrimitives.ReadUInt32LittleEndian(r);
                long t = wideIds ? (long)BinaryPrimitives.ReadUInt64LittleEndian(r[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(r[4..]);
                if (s < 0 || t < 0)
                {
                    errors[c] = new EdgeListException(path, $"byte {HeaderBytes + ((long)(first + i) * record)}", "expected node ids below 2^63");
                    state.Stop();
                    break;
                }

                source[first + i] = wide.Encode(s);
                target[first + i] = wide.Encode(t);
                if (weight is not null)
                {
                    var w = BinaryPrimitives.ReadSingleLittleEndian(r[(2 * idBytes)..]);
                    if (!float.IsFinite(w) || w < 0)
                    {
                        errors[c] = new EdgeListException(path, $"byte {HeaderBytes + ((long)(first + i) * record) + (2 * idBytes)}", $"expected a non-negative finite weight, found {w.ToString(CultureInfo.InvariantCulture)}");
                        state.Stop();
                        break;
                    }

                    weight[first + i] = w;
                }
            }

            progress?.Report(Interlocked.Add(ref done, (long)edges * record));
            return buffer;
        }, _ => { });

        foreach (var error in errors)
        {
            if (error is not null)
            {
                throw error;
            }
        }

        return new EdgeList(source, target, weight, n, wide.Ids);
    }

    /// <summary>Writes edges (file ids) in the binary form; 64-bit ids are used when any id needs them.</summary>
    public static void Write(string path, ReadOnlySpan<long> source, ReadOnlySpan<long> target, ReadOnlySpan<float> weight)
    {
        if (source.Length != target.Length || (!weight.IsEmpty && weight.Length != source.Length))
        {
            throw new ArgumentException("source, target and weight columns must have the same length");
        }

        var wide = false;
        for (var i = 0; i < source.Length && !wide; i++)
        {
            wide = source[i] > uint.MaxValue || target[i] > uint.MaxValue;
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: false);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write((weight.IsEmpty ? 0 : WeightedFlag) | (wide ? WideIdsFlag : 0));
        writer.Write((ulong)source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            if (wide)
            {
                writer.Write((ulong)source[i]);
                writer.Write((ulong)target[i]);
            }
            else
            {
                writer.Write((uint)source[i]);
                writer.Write((uint)target[i]);
            }

            if (!weight.IsEmpty)
            {
                writer.Write(weight[i]);
            }
        }
    }
}
