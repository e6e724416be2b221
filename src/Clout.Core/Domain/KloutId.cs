using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Clout.Core.Domain;

/// <summary>
/// The numeric id a person has in the Klout-compatible API. Klout ids were positive 64-bit numbers sent as
/// strings; ours are the first 63 bits of SHA-256 of the person id, so they are stable across stores and
/// rebuilds. The reverse lookup is the store's (<c>FindPersonByKloutIdAsync</c>).
/// </summary>
public static class KloutId
{
    public static long Of(string person)
    {
        ArgumentNullException.ThrowIfNull(person);
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(person);
        SHA256.HashData(bytes, hash);
        var id = (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) & long.MaxValue);
        return id == 0 ? 1 : id;
    }
}
