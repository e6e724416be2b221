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

    /// <summary>
    /// v3 (docs/algorithm-changelog.md): reach adds recent reach (the same quality-weighted distinct engagers at a
    /// one-day half-life, at weight 1), network impact counts only above twice an average account's (log, weight
    /// 0.25), and amplification needs posts. Measured in docs/validation.md.
    /// </summary>
    public static ModelParameters V3 { get; } = V2 with
    {
        Version = "v3",
        RecentHalfLifeDays = 1,
        RecentReachWeight = 1,
        NetworkImpactWeight = 0.25,
        NetworkImpactFloor = 2,
        AmplificationNeedsPosts = true,

        // clout calibrate --algorithm v3 --people 20000 (seed 7): mean 40.00, p95 63.07, 90+ 0.03%.
        CalibrationMidpoint = 20.9409,
        CalibrationExponent = 0.81,
    };

    /// <summary>
    /// v4 (docs/algorithm-changelog.md): reach adds late reach (the same quality-weighted distinct engagers at a
    /// two-hour half-life from the end of the scored day, on each action's own time, at weight 3), and network impact
    /// above the floor weighs 0.125. Measured in docs/validation.md.
    /// </summary>
    public static ModelParameters V4 { get; } = V3 with
    {
        Version = "v4",
        LateHalfLifeHours = 2,
        LateReachWeight = 3,
        NetworkImpactWeight = 0.125,

        // clout calibrate --algorithm v4 --people 20000 (seed 7): mean 40.00, p95 63.07, 90+ 0.03%.
        CalibrationMidpoint = 20.9554,
        CalibrationExponent = 0.81,
    };

    public static IReadOnlyList<ModelParameters> All { get; } = [V1, V2, V3, V4];

    /// <summary>
    /// The version a new store publishes: v4, the first to meet all three validation targets (docs/validation.md).
    /// A store that already publishes another version keeps it until a run asks for another.
    /// </summary>
    public static ModelParameters Default => V4;

    public static ModelParameters? Find(string version) =>
        All.FirstOrDefault(a => a.Version.Equals(version, StringComparison.OrdinalIgnoreCase));
}
