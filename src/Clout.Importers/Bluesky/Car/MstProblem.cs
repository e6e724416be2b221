namespace Clout.Importers.Bluesky.Car;

/// <summary>An MST node that could not be walked (missing, malformed or out of order): its CID and what is wrong.</summary>
public readonly record struct MstProblem(Cid Node, string Message);
