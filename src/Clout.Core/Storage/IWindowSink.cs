using Clout.Core.Domain;

namespace Clout.Core.Storage;

/// <summary>
/// Receives a scoring window from a store as a stream, without per-row objects.
/// Stores call <see cref="Account"/> for every account first, then the other rows in any order.
/// Days are <see cref="DayNumber"/> values.
/// </summary>
public interface IWindowSink
{
    void Account(in WindowAccount account);

    /// <summary>Daily roll-up: <paramref name="count"/> actions of <paramref name="kind"/> by actor on target that day.</summary>
    void Rollup(long actor, long target, ActionKind kind, int day, int count);

    /// <summary>
    /// How many days, ending with the window's day, whose actions the store also sends one by one with their time
    /// (<see cref="Action"/>); 0 for none. Roll-ups keep days; a term that weighs the last hours needs the times.
    /// </summary>
    int ActionDays { get; }

    /// <summary>
    /// One action of the last <see cref="ActionDays"/> days and its time (Unix seconds). It is also counted in its
    /// day's <see cref="Rollup"/>.
    /// </summary>
    void Action(long actor, long target, ActionKind kind, long time);

    /// <summary>Posts of one kind an account published that day.</summary>
    void Posts(long account, PostKind kind, int day, int count);

    /// <summary>
    /// The latest metric snapshot of an account on or before the window's day. <paramref name="received"/> and
    /// <paramref name="sent"/> are indexed by <see cref="ActionKind"/>; -1 where the source gave no figure.
    /// </summary>
    void Metrics(long account, int day, int days, long followers, long following, long lists, long posts, ReadOnlySpan<long> received, ReadOnlySpan<long> sent);
}
