using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Clout.Importers.Bluesky.Car;

/// <summary>
/// A content identifier as atproto uses it: CIDv1, codec dag-cbor (0x71) or raw (0x55), multihash sha2-256 (0x12)
/// with a 32-byte digest. Anything else is rejected when parsed: atproto never writes it, so it signals corruption.
/// </summary>
public readonly struct Cid : IEquatable<Cid>
{
    public const ulong DagCborCodec = 0x71;
    public const ulong RawCodec = 0x55;
    public const ulong Sha256Code = 0x12;
    public const int DigestLength = 32;

    private readonly byte[]? digest;

    private Cid(ulong codec, byte[] digest)
    {
        Codec = codec;
        this.digest = digest;
    }

    public ulong Codec { get; }

    public ReadOnlySpan<byte> Digest => digest;

    public bool IsEmpty => digest is null;

    /// <summary>The CID of a block: sha2-256 of its bytes under the given codec.</summary>
    public static Cid Compute(ReadOnlySpan<byte> block, ulong codec = DagCborCodec) => new(codec, SHA256.HashData(block));

    /// <summary>True when <paramref name="block"/> hashes to this CID's digest.</summary>
    public bool Matches(ReadOnlySpan<byte> block)
    {
        Span<byte> hash = stackalloc byte[DigestLength];
        SHA256.HashData(block, hash);
        return hash.SequenceEqual(Digest);
    }

    /// <summary>
    /// Reads a binary CID at <paramref name="position"/> and advances past it; throws <see cref="FormatException"/>
    /// saying what is wrong (CIDv0, another version, codec or hash, a bad digest length, truncation).
    /// </summary>
    public static Cid Read(ReadOnlySpan<byte> data, ref int position)
    {
        if (position + 1 < data.Length && data[position] == 0x12 && data[position + 1] == 0x20)
        {
            throw new FormatException("found a CIDv0 (a bare sha2-256 multihash); expected a CIDv1 as atproto writes");
        }

        var version = UnsignedVarint.Read(data, ref position);
        if (version != 1)
        {
            throw new FormatException($"CID version {version} is not supported; expected version 1");
        }

        var codec = UnsignedVarint.Read(data, ref position);
        if (codec is not (DagCborCodec or RawCodec))
        {
            throw new FormatException($"CID codec 0x{codec:x} is not supported; expected dag-cbor (0x71) or raw (0x55)");
        }

        var hash = UnsignedVarint.Read(data, ref position);
        if (hash != Sha256Code)
        {
            throw new FormatException($"CID multihash 0x{hash:x} is not supported; expected sha2-256 (0x12)");
        }

        var length = UnsignedVarint.Read(data, ref position);
        if (length != DigestLength)
        {
            throw new FormatException($"CID digest length is {length}; expected {DigestLength} for sha2-256");
        }

        if (data.Length - position < DigestLength)
        {
            throw new FormatException("the data ends inside a CID digest");
        }

        var bytes = data.Slice(position, DigestLength).ToArray();
        position += DigestLength;
        return new Cid(codec, bytes);
    }

    /// <summary>Parses the string form (multibase "b", base32 lower case) such as <c>bafyrei…</c>.</summary>
    public static bool TryParse(string? text, out Cid cid)
    {
        cid = default;
        if (text is null || text.Length < 2 || text[0] != 'b')
        {
            return false;
        }

        var bytes = Base32.TryDecode(text.AsSpan(1));
        if (bytes is null)
        {
            return false;
        }

        try
        {
            var position = 0;
            cid = Read(bytes, ref position);
            return position == bytes.Length;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public byte[] ToBytes()
    {
        var bytes = new List<byte>(36);
        UnsignedVarint.Write(1, bytes);
        UnsignedVarint.Write(Codec, bytes);
        UnsignedVarint.Write(Sha256Code, bytes);
        UnsignedVarint.Write(DigestLength, bytes);
        bytes.AddRange(Digest);
        return [.. bytes];
    }

    public override string ToString() => IsEmpty ? string.Empty : "b" + Base32.Encode(ToBytes());

    public bool Equals(Cid other) => Codec == other.Codec && Digest.SequenceEqual(other.Digest);

    public override bool Equals(object? obj) => obj is Cid other && Equals(other);

    public override int GetHashCode() => digest is null ? 0 : BinaryPrimitives.ReadInt32LittleEndian(digest) ^ (int)Codec;

    public static bool operator ==(Cid left, Cid right) => left.Equals(right);

    public static bool operator !=(Cid left, Cid right) => !left.Equals(right);
}
