namespace Clout.Importers.Bluesky.Car;

/// <summary>
/// One decoded DAG-CBOR value. Maps keep their entries in encoded (canonical) order; lookups are linear because
/// atproto maps are small (records, MST nodes, commits).
/// </summary>
public sealed class DagCborValue
{
    private static readonly KeyValuePair<string, DagCborValue>[] NoEntries = [];
    private static readonly DagCborValue[] NoItems = [];

    private DagCborValue(DagCborKind kind) => Kind = kind;

    public static DagCborValue Null { get; } = new(DagCborKind.Null);

    public static DagCborValue True { get; } = new(DagCborKind.Boolean) { Boolean = true };

    public static DagCborValue False { get; } = new(DagCborKind.Boolean) { Boolean = false };

    public DagCborKind Kind { get; }

    public bool Boolean { get; private init; }

    public long Integer { get; private init; }

    public double Float { get; private init; }

    public string? Text { get; private init; }

    public byte[]? Bytes { get; private init; }

    public Cid Link { get; private init; }

    public IReadOnlyList<DagCborValue> Items { get; private init; } = NoItems;

    public IReadOnlyList<KeyValuePair<string, DagCborValue>> Entries { get; private init; } = NoEntries;

    /// <summary>The value under <paramref name="key"/> in a map, or null when absent (or when this is not a map).</summary>
    public DagCborValue? this[string key]
    {
        get
        {
            var entries = Entries;
            for (var i = 0; i < entries.Count; i++)
            {
                if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
                {
                    return entries[i].Value;
                }
            }

            return null;
        }
    }

    public static DagCborValue FromInteger(long value) => new(DagCborKind.Integer) { Integer = value };

    public static DagCborValue FromFloat(double value) => new(DagCborKind.Float) { Float = value };

    public static DagCborValue FromText(string value) => new(DagCborKind.Text) { Text = value };

    public static DagCborValue FromBytes(byte[] value) => new(DagCborKind.Bytes) { Bytes = value };

    public static DagCborValue FromLink(Cid value) => new(DagCborKind.Link) { Link = value };

    public static DagCborValue FromList(IReadOnlyList<DagCborValue> items) => new(DagCborKind.List) { Items = items };

    public static DagCborValue FromMap(IReadOnlyList<KeyValuePair<string, DagCborValue>> entries) => new(DagCborKind.Map) { Entries = entries };

    public override string ToString() => DagCborJson.ToJson(this);
}
