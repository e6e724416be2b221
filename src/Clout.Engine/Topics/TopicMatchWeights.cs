namespace Clout.Engine.Topics;

/// <summary>
/// The weight of one match by kind. A signal shared by several topics gives each of them its weight divided by
/// how many share it, so an ambiguous word counts for less than a distinctive one.
/// </summary>
public sealed record TopicMatchWeights
{
    public static TopicMatchWeights Default { get; } = new();

    /// <summary>A hashtag is the author labelling the post themselves: the strongest signal.</summary>
    public float Hashtag { get; init; } = 1.0f;

    /// <summary>A single-word keyword: the most likely to be used in passing.</summary>
    public float Keyword { get; init; } = 0.6f;

    /// <summary>A keyword of two or more words is more specific than a single word.</summary>
    public float Phrase { get; init; } = 0.8f;

    /// <summary>A link to a site about the topic.</summary>
    public float Domain { get; init; } = 0.7f;

    internal void Validate()
    {
        foreach (var (name, value) in new[] { ("Hashtag", Hashtag), ("Keyword", Keyword), ("Phrase", Phrase), ("Domain", Domain) })
        {
            if (!float.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(TopicMatchWeights), value, $"weight {name} must be a finite number >= 0");
            }
        }
    }
}
