namespace Clout.Engine.Topics;

/// <summary>One piece of evidence that a text is about a topic: the topic's index in the taxonomy, how it was found, and how strongly.</summary>
public readonly record struct TopicEvidence(int Topic, EvidenceKind Kind, EvidenceSource Source, float Weight);
