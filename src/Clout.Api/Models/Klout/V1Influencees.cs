using System.Text.Json.Serialization;

namespace Clout.Api.Models.Klout;

/// <summary>v1 <c>soi/influencer_of.json</c> row.</summary>
public sealed record V1Influencees(
    [property: JsonPropertyName("twitter_screen_name")] string TwitterScreenName,
    [property: JsonPropertyName("influencees")] IReadOnlyList<V1Score> Influencees);
