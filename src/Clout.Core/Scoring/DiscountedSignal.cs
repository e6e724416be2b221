namespace Clout.Core.Scoring;

/// <summary>
/// Engagement that counted for little, and why: <see cref="Reason"/> is "fresh_account", "no_standing",
/// "indiscriminate" or "reciprocal_ring". <see cref="Actions"/> is the decayed, kind-weighted volume received from
/// such actors; <see cref="Discounted"/> the part of it removed; <see cref="Actors"/> how many distinct actors.
/// </summary>
public sealed record DiscountedSignal(string Reason, double Actions, double Discounted, int Actors, string Description);
