namespace Clout.Core.Scoring;

/// <summary>
/// A topic a person is influential about: <see cref="Score"/> is 1–100 (see docs/topics.md for the fixed mapping
/// from evidence to score). <see cref="Weight"/> is the quality-weighted evidence behind it and <see cref="Evidence"/>
/// the posts, reactions, lists, endorsements and profile text that gave it.
/// </summary>
public sealed record TopicScore(string Slug, string Name, double Score)
{
    public double Weight { get; init; }

    /// <summary>Posts in the window that matched the topic.</summary>
    public int Posts { get; init; }

    /// <summary>Quality-weighted reactions those posts received.</summary>
    public double Reactions { get; init; }

    /// <summary>Distinct people who put the person on a list named for the topic or endorsed them for it.</summary>
    public int Attributions { get; init; }

    public IReadOnlyList<TopicEvidenceItem> Evidence { get; init; } = [];
}
