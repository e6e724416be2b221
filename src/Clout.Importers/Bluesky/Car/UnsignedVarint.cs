namespace Clout.Importers.Bluesky.Car;

/// <summary>
/// Multiformats unsigned varints (LEB128): at most 9 bytes (63 bits) and minimally encoded, as the spec requires,
/// so that a hostile file cannot hide a second encoding of the same number or ask for a 2^64-byte block.
/// </summary>
public static class UnsignedVarint
{
    public const int MaxLength = 9;

    /// <summary>Reads a varint at <paramref name="position"/> and advances past it; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static ulong Read(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var i = 0; i < MaxLength; i++)
        {
            if (position + i >= data.Length)
            {
                throw new FormatException("the data ends inside a varint");
            }

            var b = data[position + i];
            value |= (ulong)(b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (b == 0 && i > 0)
                {
                    throw new FormatException("varint is not minimally encoded (a trailing zero byte)");
                }

                position += i + 1;
                return value;
            }
        }

        throw new FormatException($"varint is longer than {MaxLength} bytes");
    }

    /// <summary>
    /// Reads a varint from a stream. Returns false at a clean end of stream (before its first byte); throws
    /// <see cref="EndOfStreamException"/> when the stream ends inside it and <see cref="FormatException"/> when it is malformed.
    /// </summary>
    public static bool TryRead(Stream stream, out ulong value, out int length)
    {
        value = 0;
        length = 0;
        for (var i = 0; i < MaxLength; i++)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return i == 0 ? false : throw new EndOfStreamException("the file ends inside a varint");
            }

            value |= (ulong)(b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (b == 0 && i > 0)
                {
                    throw new FormatException("varint is not minimally encoded (a trailing zero byte)");
                }

                length = i + 1;
                return true;
            }
        }

        throw new FormatException($"varint is longer than {MaxLength} bytes");
    }

    /// <summary>Appends the encoding of <paramref name="value"/> (used by tests and writers of hand-built data).</summary>
    public static void Write(ulong value, List<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        while (value >= 0x80)
        {
            output.Add((byte)(value | 0x80));
            value >>= 7;
        }

        output.Add((byte)value);
    }
}
