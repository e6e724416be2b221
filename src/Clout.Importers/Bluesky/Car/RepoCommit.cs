namespace Clout.Importers.Bluesky.Car;

/// <summary>
/// The signed commit at the root of an atproto repository: the account's DID, the repo format version (3, or 2 for
/// older repositories), the root of the MST of records (<see cref="Data"/>), the revision (a TID), the previous
/// commit (null since version 3) and the signature (not verified here: that needs the DID document's key).
/// </summary>
public sealed record RepoCommit(string Did, long Version, Cid Data, string? Rev, Cid? Prev, byte[] Sig)
{
    /// <summary>Reads a decoded commit block; throws <see cref="FormatException"/> naming the field and what was expected.</summary>
    public static RepoCommit FromValue(DagCborValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Kind != DagCborKind.Map)
        {
            throw new FormatException($"the commit is a {value.Kind}; expected a map with did, version, data, rev, prev and sig");
        }

        var did = value["did"] is { Kind: DagCborKind.Text } d && d.Text!.StartsWith("did:", StringComparison.Ordinal)
            ? d.Text
            : throw new FormatException("commit field 'did' is missing or not a DID; expected text such as did:plc:…");
        var version = value["version"] is { Kind: DagCborKind.Integer } v
            ? v.Integer
            : throw new FormatException("commit field 'version' is missing; expected an integer (3)");
        if (version is not (2 or 3))
        {
            throw new FormatException($"repository version {version} is not supported; expected 3 (or 2)");
        }

        var data = value["data"] is { Kind: DagCborKind.Link } l
            ? l.Link
            : throw new FormatException("commit field 'data' is missing; expected a CID link to the MST root");
        var rev = value["rev"] switch
        {
            { Kind: DagCborKind.Text } r => r.Text,
            null or { Kind: DagCborKind.Null } when version == 2 => null,
            _ => throw new FormatException("commit field 'rev' is missing; expected a TID string"),
        };
        var prev = value["prev"] switch
        {
            { Kind: DagCborKind.Link } p => p.Link,
            null or { Kind: DagCborKind.Null } => (Cid?)null,
            _ => throw new FormatException("commit field 'prev' is neither null nor a CID link"),
        };
        var sig = value["sig"] is { Kind: DagCborKind.Bytes } s
            ? s.Bytes!
            : throw new FormatException("commit field 'sig' is missing; expected the signature bytes");
        return new RepoCommit(did, version, data, rev, prev, sig);
    }
}
