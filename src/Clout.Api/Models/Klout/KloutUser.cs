namespace Clout.Api.Models.Klout;

/// <summary>v2 <c>/user.json/{kloutId}</c>.</summary>
public sealed record KloutUser(string KloutId, string Nick, KloutScore Score, KloutDeltas ScoreDeltas);
