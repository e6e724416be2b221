namespace Clout.Importers.Bluesky.Car;

/// <summary>
/// Streams a CAR v1 file: a varint-prefixed DAG-CBOR header (<c>{roots, version}</c>), then blocks, each a varint
/// length followed by a binary CID and the block's bytes. Every block's sha2-256 is checked against its CID.
/// Malformed input throws <see cref="CarFormatException"/> with the byte offset (and the CID where known).
/// </summary>
public sealed class CarReader
{
    /// <summary>Larger blocks are refused: atproto blocks are at most a few MiB, and a hostile length must not allocate gigabytes.</summary>
    public const int DefaultMaxBlockLength = 8 << 20;

    private const int MaxHeaderLength = 1 << 20;

    private readonly Stream stream;
    private readonly int maxBlockLength;
    private readonly long? length;
    private bool headerRead;

    public CarReader(Stream stream, int maxBlockLength = DefaultMaxBlockLength)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        this.maxBlockLength = maxBlockLength;
        length = stream.CanSeek ? stream.Length - stream.Position : null;
    }

    /// <summary>The byte offset the reader has reached.</summary>
    public long Position { get; private set; }

    public CarHeader ReadHeader()
    {
        if (headerRead)
        {
            throw new InvalidOperationException("the header was already read");
        }

        headerRead = true;
        var bytes = ReadFrame("header", out var start) ?? throw new CarFormatException("the file is empty; expected a CAR header", 0);
        DagCborValue header;
        try
        {
            header = DagCborReader.Decode(bytes);
        }
        catch (DagCborException e)
        {
            throw new CarFormatException($"the CAR header is not valid DAG-CBOR: {e.Message}", start + VarintLength(bytes.Length) + e.Offset);
        }

        if (header.Kind != DagCborKind.Map)
        {
            throw new CarFormatException($"the CAR header is a {header.Kind}; expected a map with roots and version", start);
        }

        var version = header["version"];
        if (version is not { Kind: DagCborKind.Integer })
        {
            throw new CarFormatException("the CAR header has no integer 'version'; expected version 1", start);
        }

        if (version.Integer != 1)
        {
            throw new CarFormatException($"CAR version {version.Integer} is not supported; expected version 1 (a repository export)", start);
        }

        var roots = header["roots"];
        if (roots is not { Kind: DagCborKind.List })
        {
            throw new CarFormatException("the CAR header has no 'roots' list; expected a list of CID links", start);
        }

        var list = new Cid[roots.Items.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = roots.Items[i].Kind == DagCborKind.Link
                ? roots.Items[i].Link
                : throw new CarFormatException($"CAR header root {i} is a {roots.Items[i].Kind}; expected a CID link", start);
        }

        return new CarHeader(1, list);
    }

    /// <summary>Reads the next block; false at a clean end of file (exactly after a block).</summary>
    public bool TryReadBlock(out CarBlock block)
    {
        if (!headerRead)
        {
            throw new InvalidOperationException("read the header first");
        }

        block = null!;
        var bytes = ReadFrame("block", out var start);
        if (bytes is null)
        {
            return false;
        }

        var dataStart = start + VarintLength(bytes.Length);
        var position = 0;
        Cid cid;
        try
        {
            cid = Cid.Read(bytes, ref position);
        }
        catch (FormatException e)
        {
            throw new CarFormatException($"bad block CID: {e.Message}", dataStart);
        }

        var data = new ReadOnlyMemory<byte>(bytes, position, bytes.Length - position);
        block = new CarBlock(cid, data, start, dataStart + position, cid.Matches(data.Span));
        return true;
    }

    private byte[]? ReadFrame(string what, out long start)
    {
        start = Position;
        ulong size;
        int prefix;
        try
        {
            if (!UnsignedVarint.TryRead(stream, out size, out prefix))
            {
                return null;
            }
        }
        catch (EndOfStreamException)
        {
            throw new CarFormatException($"the file is truncated inside the length of a {what}", start);
        }
        catch (FormatException e)
        {
            throw new CarFormatException($"bad {what} length: {e.Message}", start);
        }

        Position += prefix;
        var limit = what == "header" ? MaxHeaderLength : maxBlockLength;
        if (size == 0)
        {
            throw new CarFormatException($"a {what} of length 0; expected a CID and data", start);
        }

        if (size > (ulong)limit)
        {
            throw new CarFormatException($"a {what} of {size} bytes exceeds the limit of {limit} bytes", start);
        }

        if (length is { } total && (long)size > total - Position)
        {
            throw new CarFormatException($"the file is truncated: a {what} of {size} bytes starts here but only {total - Position} bytes are left", start);
        }

        var bytes = new byte[(int)size];
        var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read < bytes.Length)
        {
            throw new CarFormatException($"the file is truncated: a {what} of {size} bytes starts here but only {read} bytes are left", start);
        }

        Position += bytes.Length;
        return bytes;
    }

    private static int VarintLength(int value)
    {
        var n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }

        return n;
    }
}
