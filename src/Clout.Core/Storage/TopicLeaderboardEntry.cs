namespace Clout.Core.Storage;

/// <summary>A row of a topic leaderboard: rank from 1, the person, their score on the topic and their overall score.</summary>
public sealed record TopicLeaderboardEntry(int Rank, string Person, string? Name, string? Handle, double TopicScore, double Score, string Bucket);
