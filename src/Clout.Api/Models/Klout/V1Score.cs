using System.Text.Json.Serialization;

namespace Clout.Api.Models.Klout;

/// <summary>v1 <c>klout.json</c> row: screen name and score.</summary>
public sealed record V1Score(
    [property: JsonPropertyName("twitter_screen_name")] string TwitterScreenName,
    [property: JsonPropertyName("kscore")] double Kscore);
