namespace Clout.Generator;

/// <summary>A topic people can be interested in, with the words their posts use for it.</summary>
public sealed record GeneratorTopic(string Slug, IReadOnlyList<string> Hashtags, IReadOnlyList<string> Keywords, IReadOnlyList<string> Domains);
