using System.Text.Json.Serialization;

namespace Clout.Api.Models.Klout;

/// <summary>v1 <c>users/topics.json</c> row: topic names.</summary>
public sealed record V1Topics(
    [property: JsonPropertyName("twitter_screen_name")] string TwitterScreenName,
    [property: JsonPropertyName("topics")] IReadOnlyList<string> Topics);
