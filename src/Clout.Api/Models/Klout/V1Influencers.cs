using System.Text.Json.Serialization;

namespace Clout.Api.Models.Klout;

/// <summary>v1 <c>soi/influenced_by.json</c> row.</summary>
public sealed record V1Influencers(
    [property: JsonPropertyName("twitter_screen_name")] string TwitterScreenName,
    [property: JsonPropertyName("influencers")] IReadOnlyList<V1Score> Influencers);
