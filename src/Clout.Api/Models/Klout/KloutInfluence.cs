namespace Clout.Api.Models.Klout;

/// <summary>v2 <c>/user.json/{kloutId}/influence</c>: up to 5 of each, with the totals.</summary>
public sealed record KloutInfluence(IReadOnlyList<KloutEntity> MyInfluencers, IReadOnlyList<KloutEntity> MyInfluencees, int MyInfluencersCount, int MyInfluenceesCount);
