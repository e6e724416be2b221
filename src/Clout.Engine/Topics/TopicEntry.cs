namespace Clout.Engine.Topics;

/// <summary>One topic as a file states it, before it is checked against the other topics.</summary>
internal sealed record TopicEntry(int Index, string Slug)
{
    /// <summary>The entry had errors of its own; it still counts as a known slug for the checks of other entries.</summary>
    public bool Rejected { get; init; }

    public long? Id { get; init; }

    public string? Name { get; init; }

    public string? Parent { get; init; }

    /// <summary>Whether the file has a "parent" field at all; null there means "a root".</summary>
    public bool HasParent { get; init; }

    public IReadOnlyList<string> Hashtags { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public IReadOnlyList<string> Domains { get; init; } = [];
}
