namespace Clout.Api.Models.Klout;

/// <summary>v2 <c>score</c> object: the unrounded score and its bucket, such as "40-49".</summary>
public sealed record KloutScore(double Score, string Bucket);
