using System.Text.Json;
using System.Text.Json.Serialization;
using Clout.Core.Scoring;

namespace Clout.Storage.ClickHouse;

/// <summary>Network parts, explanations, topics and styles are stored as JSON text: read back whole, never queried by field.</summary>
internal static class ScoreJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static IReadOnlyList<NetworkPart> Networks(string json) =>
        json.Length == 0 ? [] : JsonSerializer.Deserialize<NetworkPart[]>(json, Options) ?? [];

    public static IReadOnlyList<TopicScore> Topics(string json) =>
        json.Length == 0 ? [] : JsonSerializer.Deserialize<TopicScore[]>(json, Options) ?? [];

    public static InfluenceStyle? Style(string json) =>
        json.Length == 0 ? null : JsonSerializer.Deserialize<InfluenceStyle>(json, Options);

    public static Explanation Explanation(string json) =>
        json.Length == 0 ? new Explanation() : JsonSerializer.Deserialize<Explanation>(json, Options) ?? new Explanation();
}
