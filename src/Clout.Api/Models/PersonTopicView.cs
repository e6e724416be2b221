namespace Clout.Api.Models;

/// <summary>A topic a person is influential about: their score on it (1-100), its weight among their topics, and the posts, weighted reactions and attributions behind it.</summary>
public sealed record PersonTopicView(string Slug, string Name, double Score, double Weight, int Posts, double Reactions, int Attributions);
