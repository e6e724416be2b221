using Clout.Engine.Graph;
using Clout.Engine.Window;

namespace Clout.Engine.Model;

/// <summary>
/// Everything the model computed for a window, in arrays indexed by account (or person), kept so explanations
/// are built from the very numbers that made the score.
/// </summary>
public sealed class ModelOutput
{
    public required ModelParameters Parameters { get; init; }

    public required ScoringInput Input { get; init; }

    /// <summary>In-edges (grouped by target, Other = actor) with effective weights.</summary>
    public required CsrGraph Graph { get; init; }

    /// <summary>The same edges grouped by actor (Other = target).</summary>
    public required CsrGraph Outgoing { get; init; }

    public required double[] Quality { get; init; }

    public required double[] AgeFactor { get; init; }

    public required double[] Standing { get; init; }

    public required double[] Selectivity { get; init; }

    public required double[] Ring { get; init; }

    public required double[] Reach { get; init; }

    /// <summary>Reach split by <see cref="SignalGroup"/>: index account * <see cref="SignalGroups.Count"/> + group.</summary>
    public required double[] ReachByGroup { get; init; }

    public required bool[] ReachFromCounters { get; init; }

    /// <summary>Effective (quality-weighted) engagement volume received.</summary>
    public required double[] Engagement { get; init; }

    public required double[] Amplification { get; init; }

    public required double[] NetworkImpact { get; init; }

    public required double[] FollowersEffective { get; init; }

    public required double[] Rank { get; init; }

    /// <summary>Raw (undiscounted) engagement weight received.</summary>
    public required double[] RawReceived { get; init; }

    /// <summary>Weight removed per reason: index account * 4 + reason (fresh, standing, indiscriminate, ring).</summary>
    public required double[] Lost { get; init; }

    /// <summary>Raw weight from actors flagged for each reason: index account * 4 + reason.</summary>
    public required double[] FlaggedVolume { get; init; }

    public required int[] FlaggedActors { get; init; }

    public required double[] AccountValue { get; init; }

    public required double[] PersonValue { get; init; }

    public required double[] PersonScore { get; init; }

    /// <summary>Whether a person had any activity or counters in the window (only those are scored).</summary>
    public required bool[] PersonActive { get; init; }

    public required int Iterations { get; init; }

    /// <summary>Network impact as it enters the value: above the version's floor, linear (v1) or as a logarithm (v2 on).</summary>
    public double ImpactValue(double impact)
    {
        var above = Parameters.NetworkImpactFloor > 0 ? Math.Max(0, impact - Parameters.NetworkImpactFloor) : impact;
        return Parameters.NetworkImpactLog ? Math.Log(1 + above) : above;
    }

    public double[] ValueParts(int account)
    {
        var p = Parameters;
        var lists = Input.Lists[account];
        return
        [
            p.ReachWeight * Reach[account],
            p.AmplificationWeight * Amplification[account],
            p.NetworkImpactWeight * ImpactValue(NetworkImpact[account]),
            p.FollowersWeight * Math.Log(1 + FollowersEffective[account]),
            lists > 0 ? p.ListsWeight * Math.Log(1 + lists) : 0,
        ];
    }
}
