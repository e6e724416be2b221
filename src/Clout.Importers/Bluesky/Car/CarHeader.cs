namespace Clout.Importers.Bluesky.Car;

/// <summary>The header of a CAR v1 file: its version (always 1) and its root CIDs (a repository's commit).</summary>
public sealed record CarHeader(int Version, IReadOnlyList<Cid> Roots);
