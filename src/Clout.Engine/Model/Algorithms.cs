namespace Clout.Engine.Model;

/// <summary>The published algorithm versions. The default is what `clout score` uses unless told otherwise.</summary>
public static class Algorithms
{
    public static ModelParameters V1 { get; } = new() { Version = "v1" };

    public static IReadOnlyList<ModelParameters> All { get; } = [V1];

    public static ModelParameters Default => V1;

    public static ModelParameters? Find(string version) =>
        All.FirstOrDefault(a => a.Version.Equals(version, StringComparison.OrdinalIgnoreCase));
}
