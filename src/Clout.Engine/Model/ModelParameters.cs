using Clout.Core.Domain;

namespace Clout.Engine.Model;

/// <summary>
/// Every constant of a scoring algorithm version. A version's parameters never change once it is published;
/// a change is a new version (docs/algorithm.md has the changelog).
/// </summary>
public sealed record ModelParameters
{
    public required string Version { get; init; }

    public int WindowDays { get; init; } = 90;

    /// <summary>Activity loses half its weight every this many days.</summary>
    public double HalfLifeDays { get; init; } = 30;

    /// <summary>Over the last this many days of the window, weight fades linearly to zero so nothing drops off with a jump.</summary>
    public double TaperDays { get; init; } = 20;

    /// <summary>Weight of one action of each <see cref="ActionKind"/> (index = kind). Unfollows subtract.</summary>
    public IReadOnlyList<double> KindWeights { get; init; } = [0.25, 1.0, 0.8, 0.8, 1.2, 0.6, 0.4, -0.4, 1.5, 1.5, 0.0];

    /// <summary>Weighted actions an actor may hand out in the window before each one starts counting for less.</summary>
    public double SelectivityBudget { get; init; } = 40;

    /// <summary>Accounts younger than this (days) have no weight as actors; full weight from <see cref="MatureDays"/>.</summary>
    public double FreshDays { get; init; } = 7;

    public double MatureDays { get; init; } = 90;

    /// <summary>Quality of an established actor nobody engages with (a lurker); standing raises it to 1.</summary>
    public double StandingFloor { get; init; } = 0.3;

    /// <summary>Quality-weighted engagers at which standing reaches 63% of the way to full.</summary>
    public double StandingScale { get; init; } = 2.0;

    /// <summary>Share of a reciprocated edge's weight removed (mutual back-scratching is a weak signal).</summary>
    public double ReciprocityDiscount { get; init; } = 0.6;

    /// <summary>How strongly an actor whose activity is mostly reciprocated (a ring) loses quality.</summary>
    public double RingPenalty { get; init; } = 0.7;

    /// <summary>Prior posts added to the denominator of amplification, so one lucky post does not max it out.</summary>
    public double AmplificationPrior { get; init; } = 3;

    public double ReachWeight { get; init; } = 1.0;

    public double AmplificationWeight { get; init; } = 3.0;

    public double NetworkImpactWeight { get; init; } = 2.0;

    /// <summary>
    /// When true, network impact enters the value as <c>ln(1 + impact)</c>: the influence of one's engagers counts,
    /// but a few hub engagers no longer outweigh how many people engage (added in v2; v1 is linear).
    /// </summary>
    public bool NetworkImpactLog { get; init; }

    /// <summary>
    /// When true, standing counts an engager's engagement only as far as it is not returned in kind (its ring
    /// factor), so a pod cannot vouch for its own members (added in v2).
    /// </summary>
    public bool StandingDiscountsRings { get; init; }

    /// <summary>
    /// Half-life (days) of the recent-reach term; 0 leaves it off (v1, v2). Distinct engagers of the last days say
    /// more about the engagement to come than those of last month, but a fast-decaying term also moves a quiet
    /// person's score, so it enters reach only at <see cref="RecentReachWeight"/> (added in v3).
    /// </summary>
    public double RecentHalfLifeDays { get; init; }

    /// <summary>Weight of recent reach (quality-weighted distinct engagers at <see cref="RecentHalfLifeDays"/>) added to reach.</summary>
    public double RecentReachWeight { get; init; }

    /// <summary>Whether the recent-reach term is on.</summary>
    public bool HasRecentReach => RecentHalfLifeDays > 0 && RecentReachWeight > 0;

    /// <summary>Weight of activity <paramref name="age"/> days before the scored day in the recent-reach term.</summary>
    public double RecentDecay(int age) =>
        !HasRecentReach || age < 0 || age >= WindowDays ? 0 : Math.Pow(0.5, age / RecentHalfLifeDays);

    /// <summary>
    /// Half-life (hours) of the late-reach term, measured from the end of the scored day on each action's own time;
    /// 0 leaves it off (v1 to v3). Roll-ups keep days, so who engaged in the last hours of a day is read from the
    /// actions themselves. On the day of a burst (Higgs, 4 July) the engagers of the last hours say who will be
    /// engaged next better than the engagers of the whole day (added in v4).
    /// </summary>
    public double LateHalfLifeHours { get; init; }

    /// <summary>Weight of late reach (quality-weighted distinct engagers at <see cref="LateHalfLifeHours"/>) added to reach.</summary>
    public double LateReachWeight { get; init; }

    /// <summary>Whether the late-reach term is on.</summary>
    public bool HasLateReach => LateHalfLifeHours > 0 && LateReachWeight > 0;

    /// <summary>
    /// Days, ending with the scored day, whose single actions the late-reach term reads: as many as it takes for
    /// the weight of the oldest to fall under 1/1000 (one day at a two-hour half-life).
    /// </summary>
    public int LateDays => HasLateReach ? Math.Min(WindowDays, (int)Math.Ceiling(LateHalfLifeHours * Math.Log2(1000) / 24)) : 0;

    /// <summary>Weight of an action <paramref name="hours"/> before the end of the scored day in the late-reach term.</summary>
    public double LateDecay(double hours) =>
        !HasLateReach || hours < 0 ? 0 : Math.Pow(0.5, hours / LateHalfLifeHours);

    /// <summary>
    /// Network impact below this (an average account's is 1) counts nothing: only influence beyond the ordinary
    /// ranks, so the many accounts engaged by one or two ordinary people are not reordered by noise in their
    /// engagers' rank (added in v3; 0 in v1 and v2).
    /// </summary>
    public double NetworkImpactFloor { get; init; }

    /// <summary>
    /// When true, an account with no posts of its own in the window (and none in its counters) has no
    /// amplification: reactions per post are undefined without posts, and E / prior would count engagement volume
    /// a second time (added in v3; v1 and v2 divide by the prior alone).
    /// </summary>
    public bool AmplificationNeedsPosts { get; init; }

    public double FollowersWeight { get; init; } = 1.0;

    public double ListsWeight { get; init; } = 2.0;

    /// <summary>Quality assumed for engagement known only from counters.</summary>
    public double CounterQuality { get; init; } = 0.5;

    /// <summary>Counters lose half their weight every this many days after their snapshot.</summary>
    public double CounterHalfLifeDays { get; init; } = 60;

    public double Damping { get; init; } = 0.85;

    public int Iterations { get; init; } = 40;

    /// <summary>Calibration: the value at which the score is 50.5 (midpoint of 1..100).</summary>
    public double CalibrationMidpoint { get; init; } = 25.05;

    /// <summary>Calibration: the exponent of the value; below 1, each point is harder to earn than the last.</summary>
    public double CalibrationExponent { get; init; } = 0.73;

    public double KindWeight(ActionKind kind) => KindWeights[(int)kind];

    /// <summary>Weight of activity <paramref name="age"/> days before the scored day (0 = that day).</summary>
    public double Decay(int age)
    {
        if (age < 0 || age >= WindowDays)
        {
            return 0;
        }

        var w = Math.Pow(0.5, age / HalfLifeDays);
        var toEdge = WindowDays - age;
        return toEdge < TaperDays ? w * toEdge / TaperDays : w;
    }
}
