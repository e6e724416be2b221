using System.Text.Json.Serialization;

namespace Clout.Api.Models.Klout;

/// <summary>v1 <c>users/show.json</c> row.</summary>
public sealed record V1UserShow(
    [property: JsonPropertyName("twitter_id")] string TwitterId,
    [property: JsonPropertyName("twitter_screen_name")] string TwitterScreenName,
    [property: JsonPropertyName("score")] V1ScoreDetail Score);
