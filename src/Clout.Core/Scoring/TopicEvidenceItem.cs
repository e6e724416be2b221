using Clout.Core.Domain;

namespace Clout.Core.Scoring;

/// <summary>
/// One piece of evidence behind a topic. <see cref="Source"/> is "post", "list", "endorsement" or "profile";
/// <see cref="Weight"/> is what it added to the topic's evidence. For a post, <see cref="Reactions"/> holds the
/// reactions it received by kind; for a list or an endorsement, <see cref="By"/> is the person who gave it.
/// </summary>
public sealed record TopicEvidenceItem(string Source, double Weight, string Description)
{
    public Network? Network { get; init; }

    public string? Account { get; init; }

    /// <summary>The post's source id.</summary>
    public string? Post { get; init; }

    /// <summary>The post text, list name or profile text that matched.</summary>
    public string? Text { get; init; }

    public DateOnly? Day { get; init; }

    public IReadOnlyDictionary<string, int>? Reactions { get; init; }

    public string? By { get; init; }
}
