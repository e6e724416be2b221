using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Clout.Storage.ClickHouse.Http;

/// <summary>
/// Builds an insert body in ClickHouse's RowBinary format: little-endian numbers, LEB128-prefixed strings and arrays,
/// a leading null byte for Nullable. Binary avoids escaping and is the cheapest format for the server to parse.
/// </summary>
internal sealed class RowBinaryWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);

    public int Rows { get; private set; }

    public int Length => _buffer.WrittenCount;

    public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

    public void EndRow() => Rows++;

    public RowBinaryWriter UInt8(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    public RowBinaryWriter Int32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    public RowBinaryWriter Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public RowBinaryWriter UInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public RowBinaryWriter Float64(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public RowBinaryWriter String(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        VarUInt((ulong)count);
        var span = _buffer.GetSpan(count);
        Encoding.UTF8.GetBytes(value, span);
        _buffer.Advance(count);
        return this;
    }

    public RowBinaryWriter NullableString(string? value) => value is null ? UInt8(1) : UInt8(0).String(value);

    public RowBinaryWriter NullableInt64(long? value) => value is null ? UInt8(1) : UInt8(0).Int64(value.Value);

    public RowBinaryWriter NullableFloat64(double? value) => value is null ? UInt8(1) : UInt8(0).Float64(value.Value);

    public RowBinaryWriter Int64Array(ReadOnlySpan<long> values)
    {
        VarUInt((ulong)values.Length);
        foreach (var v in values)
        {
            Int64(v);
        }

        return this;
    }

    private void VarUInt(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Advance(i);
    }
}
