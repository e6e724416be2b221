namespace Clout.Api.Models;

/// <summary>A person with their current score (null when not scored yet).</summary>
public sealed record ProfileView(PersonView Person, ScoreView? Score);
