namespace Clout.Importers.Bluesky.Car;

/// <summary>One record of a repository: its key (<c>collection/rkey</c>) and the CID of the record block.</summary>
public readonly record struct MstLeaf(string Key, Cid Value);
