using System.Text;

namespace Clout.Importers.Bluesky.Car;

/// <summary>
/// Walks an atproto Merkle Search Tree in key order. A node is <c>{l: left subtree | null, e: [entries]}</c>; an
/// entry is <c>{p: bytes shared with the previous key, k: the rest of the key, v: the record CID, t: right
/// subtree | null}</c>. A node that is missing or malformed is reported and its subtree skipped, so one bad node
/// does not hide the rest of the repository. Keys must come out strictly increasing; any that do not are reported.
/// </summary>
public static class MstWalker
{
    /// <summary>Deeper trees are refused: a real MST of a billion keys is about 8 levels (fanout 16).</summary>
    public const int MaxHeight = 64;

    private const int MaxKeyLength = 1024;

    public static IReadOnlyList<MstLeaf> Walk(Cid root, Func<Cid, DagCborValue?> loadNode, Action<MstProblem> onProblem)
    {
        ArgumentNullException.ThrowIfNull(loadNode);
        ArgumentNullException.ThrowIfNull(onProblem);
        var state = new WalkState(loadNode, onProblem);
        Visit(root, 0, state);
        return state.Leaves;
    }

    private static void Visit(Cid cid, int height, WalkState state)
    {
        if (height > MaxHeight)
        {
            state.OnProblem(new MstProblem(cid, $"the tree is deeper than {MaxHeight} levels"));
            return;
        }

        var node = state.LoadNode(cid);
        if (node is null)
        {
            state.OnProblem(new MstProblem(cid, "MST node block is missing from the file (or was corrupt)"));
            return;
        }

        if (node.Kind != DagCborKind.Map || node["e"] is not { Kind: DagCborKind.List } entries)
        {
            state.OnProblem(new MstProblem(cid, "MST node is not a map with an 'e' list of entries"));
            return;
        }

        if (!TryLink(node["l"], out var left))
        {
            state.OnProblem(new MstProblem(cid, "MST node field 'l' is neither null nor a CID link"));
            return;
        }

        if (left is { } l)
        {
            Visit(l, height + 1, state);
        }

        var key = Array.Empty<byte>();
        for (var i = 0; i < entries.Items.Count; i++)
        {
            var entry = entries.Items[i];
            if (entry.Kind != DagCborKind.Map
                || entry["p"] is not { Kind: DagCborKind.Integer } p
                || entry["k"] is not { Kind: DagCborKind.Bytes } k
                || entry["v"] is not { Kind: DagCborKind.Link } v
                || !TryLink(entry["t"], out var right))
            {
                state.OnProblem(new MstProblem(cid, $"MST entry {i} is not a map with p (integer), k (bytes), v (link) and t (link or null)"));
                return;
            }

            if (p.Integer < 0 || p.Integer > key.Length || p.Integer + k.Bytes!.Length > MaxKeyLength)
            {
                state.OnProblem(new MstProblem(cid, $"MST entry {i} has prefix length {p.Integer}, beyond the {key.Length} bytes of the previous key"));
                return;
            }

            var next = new byte[p.Integer + k.Bytes.Length];
            key.AsSpan(0, (int)p.Integer).CopyTo(next);
            k.Bytes.CopyTo(next, (int)p.Integer);
            key = next;
            state.Emit(cid, key, v.Link);
            if (right is { } r)
            {
                Visit(r, height + 1, state);
            }
        }
    }

    private static bool TryLink(DagCborValue? value, out Cid? link)
    {
        link = null;
        switch (value)
        {
            case null or { Kind: DagCborKind.Null }:
                return true;
            case { Kind: DagCborKind.Link }:
                link = value.Link;
                return true;
            default:
                return false;
        }
    }

    private sealed class WalkState(Func<Cid, DagCborValue?> loadNode, Action<MstProblem> onProblem)
    {
        private byte[]? lastKey;

        public List<MstLeaf> Leaves { get; } = [];

        public Func<Cid, DagCborValue?> LoadNode { get; } = loadNode;

        public Action<MstProblem> OnProblem { get; } = onProblem;

        public void Emit(Cid node, byte[] key, Cid value)
        {
            var text = Encoding.ASCII.GetString(key);
            if (lastKey is not null && lastKey.AsSpan().SequenceCompareTo(key) >= 0)
            {
                OnProblem(new MstProblem(node, $"MST key '{text}' is not after the previous key '{Encoding.ASCII.GetString(lastKey)}'; the tree is out of order"));
                return;
            }

            if (Array.Exists(key, b => b > 0x7e || b < 0x21) || key.AsSpan().IndexOf((byte)'/') <= 0)
            {
                OnProblem(new MstProblem(node, $"MST key '{text}' is not of the form collection/rkey in printable ASCII"));
                return;
            }

            lastKey = key;
            Leaves.Add(new MstLeaf(text, value));
        }
    }
}
