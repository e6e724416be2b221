namespace Clout.Api.Models.Klout;

/// <summary>v2 <c>/user.json/{kloutId}/score</c>: note the singular <c>scoreDelta</c>, as Klout sent it.</summary>
public sealed record KloutUserScore(double Score, KloutDeltas ScoreDelta, string Bucket);
