using Clout.Core.Domain;

namespace Clout.Core.Storage;

/// <summary>
/// Receives the evidence for topic assignment from a store as a stream: every account first (with its profile
/// text), then posts in the window with the reactions they received, and list adds and endorsements in the window.
/// Days are <see cref="DayNumber"/> values; account ids are the store's own ids, as in <see cref="IWindowSink"/>.
/// </summary>
public interface ITopicSink
{
    /// <summary>False when only accounts and attributions are wanted (posts are by far the largest part).</summary>
    bool WantsPosts { get; }

    void Account(long account, Network network, string sourceId, string person, string? bio);

    /// <summary>
    /// A post published in the window. <paramref name="reactions"/> is indexed by <see cref="ActionKind"/>: how
    /// many actions of each kind other accounts aimed at the post (actions.post = the post's source id on its network, target = the author) up to the window's last day.
    /// </summary>
    void Post(long author, string sourceId, PostKind kind, int day, string? text, ReadOnlySpan<int> reactions);

    /// <summary>A list add (<paramref name="label"/> is the list name) or an endorsement (<paramref name="label"/> is the topic slug).</summary>
    void Attribution(long actor, long target, ActionKind kind, string label, int day);
}
