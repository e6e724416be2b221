namespace Clout.Engine.Topics.Assignment;

/// <summary>
/// The constants of topic assignment. Fixed per algorithm version like the scoring model's, so a person's topic
/// scores do not move unless their evidence does. docs/topics.md explains each one.
/// </summary>
public sealed record TopicAssignmentParameters
{
    public static TopicAssignmentParameters Default { get; } = new();

    /// <summary>Evidence of one list add named for the topic, times the lister's quality.</summary>
    public double ListWeight { get; init; } = 2.0;

    /// <summary>Evidence of one endorsement for the topic, times the endorser's quality.</summary>
    public double EndorsementWeight { get; init; } = 2.0;

    /// <summary>Evidence of profile text that names the topic.</summary>
    public double ProfileWeight { get; init; } = 1.5;

    /// <summary>Evidence of the reactions to topical posts: this times ln(1 + quality-weighted reactions).</summary>
    public double ReactionWeight { get; init; } = 1.0;

    /// <summary>A topic needs at least this much evidence…</summary>
    public double MinEvidence { get; init; } = 2.0;

    /// <summary>…from at least this many independent pieces (posts, distinct attributors, the profile)…</summary>
    public int MinPieces { get; init; } = 2;

    /// <summary>…and at least this share of the evidence of the person's strongest topic.</summary>
    public double MinShare { get; init; } = 0.1;

    /// <summary>Share of a topic's evidence that counts for its parent (and this squared for the grandparent).</summary>
    public double ParentShare { get; init; } = 0.5;

    /// <summary>A parent without enough evidence of its own is assigned when this many of its descendants are.</summary>
    public int ParentChildren { get; init; } = 2;

    public int MaxTopics { get; init; } = 10;

    /// <summary>Posts, lists and endorsements shown as evidence per topic.</summary>
    public int EvidenceItems { get; init; } = 3;

    // The influence value of a topic: a sum of logs, so each piece counts for less than the one before.
    public double ContentInfluence { get; init; } = 1.0;

    public double ReactionInfluence { get; init; } = 1.5;

    public double AttributionInfluence { get; init; } = 2.0;

    public double ProfileInfluence { get; init; } = 0.5;

    /// <summary>The topic score is 1 + 99 (1 − e^(−value / scale)).</summary>
    public double ScoreScale { get; init; } = 10.0;

    public double Score(double value) => Math.Clamp(1 + (99 * (1 - Math.Exp(-Math.Max(0, value) / ScoreScale))), 1, 100);
}
