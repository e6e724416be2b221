namespace Clout.Api.Models;

/// <summary>A topic of the taxonomy: its stable id (a string: 64-bit ids do not fit a JavaScript number), slug, name and parent slug (null for a root).</summary>
public sealed record TopicView(string Id, string Slug, string Name, string? Parent);
