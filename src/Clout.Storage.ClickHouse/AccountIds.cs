using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Clout.Core.Domain;

namespace Clout.Storage.ClickHouse;

/// <summary>
/// The store id of an account: the first 8 bytes of SHA-256 of its key text (<c>network:id</c>). Stable across
/// runs, nodes and versions, so it can be both the window's <c>StoreId</c> and the sharding key.
/// </summary>
internal static class AccountIds
{
    public static ulong Of(string key)
    {
        Span<byte> utf8 = key.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(key.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(key.Length)];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8[..length], hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    public static string Key(Network network, string id) => new AccountKey(network, id).ToString();
}
