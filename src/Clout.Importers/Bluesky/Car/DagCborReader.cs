using System.Buffers.Binary;
using System.Text;

namespace Clout.Importers.Bluesky.Car;

/// <summary>
/// A strict DAG-CBOR decoder. It accepts exactly the canonical subset the DAG-CBOR spec allows and rejects the rest
/// with the offset of the offending byte: definite lengths only, shortest integer and length encodings, text map
/// keys unique and sorted length-first, tag 42 only (a CID link behind a 0x00 byte), 64-bit finite floats only,
/// the simple values false/true/null only, valid UTF-8, and no bytes after the value. Hostile input cannot make it
/// allocate more than the input size (every length is checked against the bytes left) or recurse without bound.
/// </summary>
public static class DagCborReader
{
    /// <summary>Nesting deeper than this is rejected; atproto records and MST nodes are far shallower.</summary>
    public const int DefaultMaxDepth = 64;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes one value that must fill <paramref name="data"/> exactly; throws <see cref="DagCborException"/>.</summary>
    public static DagCborValue Decode(ReadOnlySpan<byte> data, int maxDepth = DefaultMaxDepth)
    {
        var position = 0;
        var value = ReadValue(data, ref position, 0, maxDepth);
        if (position != data.Length)
        {
            throw new DagCborException($"{data.Length - position} unexpected bytes after the end of the value; expected exactly one DAG-CBOR value", position);
        }

        return value;
    }

    /// <summary>Decodes one value at <paramref name="position"/> and advances past it, leaving any following bytes.</summary>
    public static DagCborValue DecodePrefix(ReadOnlySpan<byte> data, ref int position, int maxDepth = DefaultMaxDepth) =>
        ReadValue(data, ref position, 0, maxDepth);

    private static DagCborValue ReadValue(ReadOnlySpan<byte> data, ref int position, int depth, int maxDepth)
    {
        if (depth > maxDepth)
        {
            throw new DagCborException($"values are nested deeper than {maxDepth} levels", position);
        }

        var start = position;
        if (position >= data.Length)
        {
            throw new DagCborException("the data ends where a value was expected", position);
        }

        var initial = data[position++];
        var major = initial >> 5;
        var info = initial & 0x1f;
        if (major == 7)
        {
            return ReadSimple(data, ref position, info, start);
        }

        var argument = ReadArgument(data, ref position, info, start);
        switch (major)
        {
            case 0:
                return argument > long.MaxValue
                    ? throw new DagCborException($"integer {argument} is beyond the 64-bit signed range atproto allows", start)
                    : DagCborValue.FromInteger((long)argument);
            case 1:
                return argument > long.MaxValue
                    ? throw new DagCborException($"integer -1-{argument} is beyond the 64-bit signed range atproto allows", start)
                    : DagCborValue.FromInteger(-1 - (long)argument);
            case 2:
                return DagCborValue.FromBytes(Take(data, ref position, argument, start, "byte string").ToArray());
            case 3:
                return DagCborValue.FromText(ReadText(Take(data, ref position, argument, start, "text string"), start));
            case 4:
                return ReadList(data, ref position, argument, depth, maxDepth, start);
            case 5:
                return ReadMap(data, ref position, argument, depth, maxDepth, start);
            default:
                return ReadTag(data, ref position, argument, start);
        }
    }

    private static DagCborValue ReadList(ReadOnlySpan<byte> data, ref int position, ulong count, int depth, int maxDepth, int start)
    {
        // Every item takes at least one byte: a count beyond the bytes left is a lie, refused before allocating.
        if (count > (ulong)(data.Length - position))
        {
            throw new DagCborException($"array claims {count} items but only {data.Length - position} bytes are left", start);
        }

        var items = new DagCborValue[(int)count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ReadValue(data, ref position, depth + 1, maxDepth);
        }

        return DagCborValue.FromList(items);
    }

    private static DagCborValue ReadMap(ReadOnlySpan<byte> data, ref int position, ulong count, int depth, int maxDepth, int start)
    {
        if (count > (ulong)(data.Length - position) / 2)
        {
            throw new DagCborException($"map claims {count} entries but only {data.Length - position} bytes are left", start);
        }

        var entries = new KeyValuePair<string, DagCborValue>[(int)count];
        // The previous key is kept as a range of data: spans cannot be stored across iterations safely.
        var previousStart = 0;
        var previousLength = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            var keyStart = position;
            if (position >= data.Length)
            {
                throw new DagCborException("the data ends where a map key was expected", position);
            }

            var initial = data[position++];
            if (initial >> 5 != 3)
            {
                throw new DagCborException($"map key is of CBOR major type {initial >> 5}; DAG-CBOR map keys must be text strings", keyStart);
            }

            var length = ReadArgument(data, ref position, initial & 0x1f, keyStart);
            var keyBytes = Take(data, ref position, length, keyStart, "map key");
            if (i > 0)
            {
                var order = CompareKeys(data.Slice(previousStart, previousLength), keyBytes);
                if (order == 0)
                {
                    throw new DagCborException($"duplicate map key '{Encoding.UTF8.GetString(keyBytes)}'", keyStart);
                }

                if (order > 0)
                {
                    throw new DagCborException($"map key '{Encoding.UTF8.GetString(keyBytes)}' is out of order; DAG-CBOR sorts keys by length, then bytewise", keyStart);
                }
            }

            previousStart = position - keyBytes.Length;
            previousLength = keyBytes.Length;
            var key = ReadText(keyBytes, keyStart);
            entries[i] = new KeyValuePair<string, DagCborValue>(key, ReadValue(data, ref position, depth + 1, maxDepth));
        }

        return DagCborValue.FromMap(entries);
    }

    private static int CompareKeys(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);

    private static DagCborValue ReadTag(ReadOnlySpan<byte> data, ref int position, ulong tag, int start)
    {
        if (tag != 42)
        {
            throw new DagCborException($"CBOR tag {tag} is not allowed; DAG-CBOR allows only tag 42 (a CID link)", start);
        }

        var contentStart = position;
        if (position >= data.Length)
        {
            throw new DagCborException("the data ends where the content of tag 42 was expected", position);
        }

        var initial = data[position++];
        if (initial >> 5 != 2)
        {
            throw new DagCborException($"tag 42 holds CBOR major type {initial >> 5}; expected a byte string with a CID", contentStart);
        }

        var length = ReadArgument(data, ref position, initial & 0x1f, contentStart);
        var bytes = Take(data, ref position, length, contentStart, "CID link");
        if (bytes.Length == 0 || bytes[0] != 0)
        {
            throw new DagCborException("a CID link must start with the 0x00 multibase-identity byte", contentStart);
        }

        var cidPosition = 1;
        Cid cid;
        try
        {
            cid = Cid.Read(bytes, ref cidPosition);
        }
        catch (FormatException e)
        {
            throw new DagCborException($"bad CID link: {e.Message}", contentStart);
        }

        return cidPosition == bytes.Length
            ? DagCborValue.FromLink(cid)
            : throw new DagCborException($"{bytes.Length - cidPosition} unexpected bytes after the CID in a link", contentStart);
    }

    private static DagCborValue ReadSimple(ReadOnlySpan<byte> data, ref int position, int info, int start)
    {
        switch (info)
        {
            case 20:
                return DagCborValue.False;
            case 21:
                return DagCborValue.True;
            case 22:
                return DagCborValue.Null;
            case 25:
            case 26:
                throw new DagCborException($"a {(info == 25 ? 16 : 32)}-bit float; DAG-CBOR allows only 64-bit floats", start);
            case 27:
                if (data.Length - position < 8)
                {
                    throw new DagCborException("the data ends inside a 64-bit float", start);
                }

                var value = BinaryPrimitives.ReadDoubleBigEndian(data.Slice(position, 8));
                position += 8;
                return double.IsFinite(value)
                    ? DagCborValue.FromFloat(value)
                    : throw new DagCborException("NaN and infinite floats are not allowed in DAG-CBOR", start);
            case 31:
                throw new DagCborException("an indefinite-length break; DAG-CBOR allows definite lengths only", start);
            default:
                throw new DagCborException($"CBOR simple value {info} is not allowed; DAG-CBOR allows only false, true and null", start);
        }
    }

    private static ulong ReadArgument(ReadOnlySpan<byte> data, ref int position, int info, int start)
    {
        if (info < 24)
        {
            return (ulong)info;
        }

        var size = info switch
        {
            24 => 1,
            25 => 2,
            26 => 4,
            27 => 8,
            31 => throw new DagCborException("an indefinite length; DAG-CBOR allows definite lengths only", start),
            _ => throw new DagCborException($"reserved CBOR additional information {info}", start),
        };
        if (data.Length - position < size)
        {
            throw new DagCborException("the data ends inside a CBOR length or integer", start);
        }

        var bytes = data.Slice(position, size);
        position += size;
        ulong value = size switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            4 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            _ => BinaryPrimitives.ReadUInt64BigEndian(bytes),
        };
        var minimum = size switch
        {
            1 => 24UL,
            2 => 0x100UL,
            4 => 0x1_0000UL,
            _ => 0x1_0000_0000UL,
        };
        return value >= minimum
            ? value
            : throw new DagCborException($"{value} is not in its shortest encoding; DAG-CBOR requires the shortest form", start);
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int position, ulong length, int start, string what)
    {
        if (length > (ulong)(data.Length - position))
        {
            throw new DagCborException($"{what} of {length} bytes runs past the end of the data ({data.Length - position} bytes left)", start);
        }

        var slice = data.Slice(position, (int)length);
        position += (int)length;
        return slice;
    }

    private static string ReadText(ReadOnlySpan<byte> bytes, int start)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new DagCborException("text string is not valid UTF-8", start);
        }
    }
}
