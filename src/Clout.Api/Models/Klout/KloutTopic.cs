namespace Clout.Api.Models.Klout;

/// <summary>v2 topic: int64 id as a string, names, slug, image URL and type ("sub" or "entity"; later clients read displayType).</summary>
public sealed record KloutTopic(string Id, string DisplayName, string Name, string Slug, string ImageUrl, string TopicType, string DisplayType);
