namespace Clout.Api.Models.Klout;

/// <summary>v2 identity answer: <c>{"id":"635263","network":"ks"}</c> (ks for a Klout id, tw for a Twitter/X id).</summary>
public sealed record KloutIdentity(string Id, string Network);
