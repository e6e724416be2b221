using Clout.Core.Storage;

namespace Clout.Api.Models;

/// <summary>A page of a topic's leaderboard on a day: <see cref="Next"/> is the URL of the next page, or null on the last one.</summary>
public sealed record TopicLeaderboardPage(TopicView Topic, DateOnly Day, string Version, IReadOnlyList<TopicLeaderboardEntry> Items, int Offset, int Limit, string? Next);
