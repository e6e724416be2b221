using System.IO.Compression;

namespace Clout.Importers.Common;

/// <summary>
/// Decompresses a gzip file and, at its end, checks the trailer (CRC-32 and length of the last member), because
/// <see cref="GZipStream"/> ends quietly on a truncated file. A mismatch throws <see cref="InvalidDataException"/>.
/// </summary>
public sealed class CheckedGzipStream : Stream
{
    private static readonly uint[] Table = BuildTable();
    private readonly FileStream file;
    private readonly GZipStream gzip;
    private readonly string path;
    private uint crc = 0xFFFFFFFF;
    private long length;
    private bool checkedEnd;

    public CheckedGzipStream(string path)
    {
        this.path = path;
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        gzip = new GZipStream(file, CompressionMode.Decompress);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => length; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = gzip.Read(buffer);
        if (n > 0)
        {
            foreach (var b in buffer[..n])
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            length += n;
            return n;
        }

        if (!checkedEnd)
        {
            checkedEnd = true;
            Verify();
        }

        return 0;
    }

    private void Verify()
    {
        using var trailer = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (trailer.Length < 18)
        {
            throw new InvalidDataException("the gzip file is truncated (no trailer)");
        }

        trailer.Seek(-8, SeekOrigin.End);
        Span<byte> tail = stackalloc byte[8];
        trailer.ReadExactly(tail);
        var expectedCrc = BitConverter.ToUInt32(tail[..4]);
        var expectedLength = BitConverter.ToUInt32(tail[4..]);
        if (expectedCrc != ~crc || expectedLength != (uint)length)
        {
            // Files of several gzip members carry one trailer each; only single-member files can be checked this way.
            throw new InvalidDataException($"the gzip file is truncated or corrupt: {length:N0} bytes decompressed, its trailer does not match");
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gzip.Dispose();
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
