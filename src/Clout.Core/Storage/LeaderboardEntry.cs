namespace Clout.Core.Storage;

/// <summary>A row of a leaderboard: rank from 1, the person, their score and bucket on the day.</summary>
public sealed record LeaderboardEntry(int Rank, string Person, string? Name, string? Handle, double Score, string Bucket, double? DayChange);
