using System.Text;
using Clout.Importers.Bluesky.Car;

namespace Clout.Importers.Tests.Bluesky;

/// <summary>A tiny canonical DAG-CBOR and CAR writer for hand-built test inputs.</summary>
internal static class Cbor
{
    public static byte[] Null { get; } = [0xf6];

    public static byte[] Head(int major, ulong value)
    {
        var m = (byte)(major << 5);
        return value switch
        {
            < 24 => [(byte)(m | (byte)value)],
            <= 0xff => [(byte)(m | 24), (byte)value],
            <= 0xffff => [(byte)(m | 25), (byte)(value >> 8), (byte)value],
            <= 0xffff_ffff => [(byte)(m | 26), (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value],
            _ => [(byte)(m | 27), .. BitConverter.GetBytes(value).Reverse()],
        };
    }

    public static byte[] Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

    public static byte[] Text(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return [.. Head(3, (ulong)bytes.Length), .. bytes];
    }

    public static byte[] Bytes(byte[] value) => [.. Head(2, (ulong)value.Length), .. value];

    public static byte[] Link(Cid cid) => [0xd8, 0x2a, .. Bytes([0, .. cid.ToBytes()])];

    public static byte[] List(params byte[][] items) => [.. Head(4, (ulong)items.Length), .. items.SelectMany(i => i)];

    /// <summary>A map with its keys in DAG-CBOR order (length first, then bytewise).</summary>
    public static byte[] Map(params (string Key, byte[] Value)[] entries)
    {
        var sorted = entries.OrderBy(e => Encoding.UTF8.GetByteCount(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal);
        return [.. Head(5, (ulong)entries.Length), .. sorted.SelectMany(e => Text(e.Key).Concat(e.Value))];
    }

    public static byte[] Frame(byte[] content)
    {
        var prefix = new List<byte>();
        UnsignedVarint.Write((ulong)content.Length, prefix);
        return [.. prefix, .. content];
    }

    /// <summary>A CAR v1 file: the header with <paramref name="roots"/>, then each block under its computed CID.</summary>
    public static byte[] Car(Cid[] roots, params byte[][] blocks)
    {
        var header = Map(("version", Int(1)), ("roots", List(roots.Select(Link).ToArray())));
        var output = new List<byte>(Frame(header));
        foreach (var block in blocks)
        {
            output.AddRange(Frame([.. Cid.Compute(block).ToBytes(), .. block]));
        }

        return [.. output];
    }

    /// <summary>
    /// A one-node repository: the given records (key "collection/rkey" to record bytes), an MST node holding them
    /// in key order and a commit. Returns the CAR bytes; <paramref name="extra"/> blocks are appended as they are.
    /// </summary>
    public static byte[] Repo(string did, IEnumerable<(string Key, byte[] Record)> records, params byte[][] extra)
    {
        var sorted = records.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
        var entries = new List<byte[]>();
        var previous = string.Empty;
        foreach (var (key, record) in sorted)
        {
            var prefix = 0;
            while (prefix < previous.Length && prefix < key.Length && previous[prefix] == key[prefix])
            {
                prefix++;
            }

            entries.Add(Map(("k", Bytes(Encoding.ASCII.GetBytes(key[prefix..]))), ("p", Int(prefix)), ("t", Null), ("v", Link(Cid.Compute(record)))));
            previous = key;
        }

        var node = Map(("e", List([.. entries])), ("l", Null));
        var commit = Map(("did", Text(did)), ("rev", Text("3lqcnlemwy22g")), ("sig", Bytes(new byte[64])), ("data", Link(Cid.Compute(node))), ("prev", Null), ("version", Int(3)));
        return Car([Cid.Compute(commit)], [commit, node, .. sorted.Select(r => r.Record), .. extra]);
    }
}
