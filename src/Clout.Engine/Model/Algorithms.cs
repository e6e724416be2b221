namespace Clout.Engine.Model;

/// <summary>The published algorithm versions. The default is what `clout score` uses unless told otherwise.</summary>
public static class Algorithms
{
    public static ModelParameters V1 { get; } = new() { Version = "v1" };

    /// <summary>
    /// v2 (docs/algorithm-changelog.md): network impact enters as a logarithm at half weight, mentions and replies
    /// weigh as much as reshares, and engagement returned in kind does not give standing (pods cannot vouch for
    /// their members). Measured in docs/validation.md.
    /// </summary>
    public static ModelParameters V2 { get; } = V1 with
    {
        Version = "v2",
        NetworkImpactLog = true,
        NetworkImpactWeight = 0.5,
        StandingDiscountsRings = true,
        KindWeights = [0.25, 1.0, 1.0, 1.0, 1.2, 1.0, 0.4, -0.4, 1.5, 1.5, 0.0],

        // clout calibrate --algorithm v2 --people 20000 (seed 7): mean 40.00, p95 63.02, 90+ 0.04%.
        CalibrationMidpoint = 22.1887,
        CalibrationExponent = 0.78,
    };

    public static IReadOnlyList<ModelParameters> All { get; } = [V1, V2];

    public static ModelParameters Default => V1;

    public static ModelParameters? Find(string version) =>
        All.FirstOrDefault(a => a.Version.Equals(version, StringComparison.OrdinalIgnoreCase));
}
