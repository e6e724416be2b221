using Clout.Core.Domain;

namespace Clout.Engine.Window;

/// <summary>
/// A scoring window in column arrays, accounts in canonical order (network, then a hash of the source id), so
/// results do not depend on the store's ids. Row weights are already decayed and kind-weighted.
/// </summary>
public sealed class ScoringInput
{
    public required int Day { get; init; }

    public required int Accounts { get; init; }

    public required Network[] Network { get; init; }

    public required string[] SourceId { get; init; }

    public required string?[] Handle { get; init; }

    /// <summary>Day the account was created, or <see cref="int.MinValue"/> when unknown.</summary>
    public required int[] CreatedDay { get; init; }

    public required int[] Person { get; init; }

    public required string[] PersonKeys { get; init; }

    // Roll-up rows: one per (day, actor, target, kind) from the store.
    public required int[] RowActor { get; init; }

    public required int[] RowTarget { get; init; }

    public required byte[] RowGroup { get; init; }

    public required float[] RowWeight { get; init; }

    /// <summary>
    /// Row weights at the recent-reach half-life (<see cref="Model.ModelParameters.RecentHalfLifeDays"/>), one per
    /// row; empty when the version has no recent-reach term.
    /// </summary>
    public float[] RowRecentWeight { get; init; } = [];

    /// <summary>
    /// Row weights at the late-reach half-life (<see cref="Model.ModelParameters.LateHalfLifeHours"/>), one per row:
    /// the store's single actions of the last day(s) come as rows of their own, with no other weight; empty when the
    /// version has no late-reach term.
    /// </summary>
    public float[] RowLateWeight { get; init; } = [];

    /// <summary>Undecayed engagement actions received (likes, reshares, replies…, not follows).</summary>
    public required long[] ActionsReceived { get; init; }

    public required long[] ActionsSent { get; init; }

    /// <summary>Undecayed follow actions received in the window.</summary>
    public required long[] FollowsReceived { get; init; }

    /// <summary>Decayed number of posts published in the window.</summary>
    public required double[] Posts { get; init; }

    public required int[] PostsRaw { get; init; }

    /// <summary>Posts by <see cref="PostKind"/>: index account * 4 + kind.</summary>
    public required int[] PostsByKind { get; init; }

    public required long[] Followers { get; init; }

    public required long[] Lists { get; init; }

    /// <summary>Kind-weighted engagement received known only from counters, scaled to the window and decayed by the counters' age.</summary>
    public required double[] CounterEngagement { get; init; }

    /// <summary>An estimate of distinct engagers behind <see cref="CounterEngagement"/>.</summary>
    public required double[] CounterEngagers { get; init; }

    /// <summary>Posts in the counters' period, scaled to the window (0 when unknown).</summary>
    public required double[] CounterPosts { get; init; }

    public int Rows => RowActor.Length;
}
