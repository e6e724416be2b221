using Clout.Core.Domain;

namespace Clout.Application.Explaining;

/// <summary>A post that drove the score: its reactions by kind and its quality-weighted, decayed weight.</summary>
public sealed record Moment(Network Network, string Post, string Account, string? Text, string? Url, DateTimeOffset? Time, double Weight, IReadOnlyDictionary<string, long> Reactions);
