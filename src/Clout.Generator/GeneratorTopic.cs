namespace Clout.Generator;

/// <summary>A topic people can be interested in, with the words their posts use for it.</summary>
public sealed record GeneratorTopic(string Slug, IReadOnlyList<string> Hashtags, IReadOnlyList<string> Keywords, IReadOnlyList<string> Domains)
{
    /// <summary>The display name, used for list names ("Rust folks"); the slug's words when absent.</summary>
    public string? Name { get; init; }
}
