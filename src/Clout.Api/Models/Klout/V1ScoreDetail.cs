using System.Text.Json.Serialization;

namespace Clout.Api.Models.Klout;

/// <summary>
/// v1 <c>users/show.json</c> score object. network_score, amplification_score and true_reach carry our Network
/// Impact, Amplification and Reach points; kclass is the influence style, not computed yet (empty, id 0).
/// </summary>
public sealed record V1ScoreDetail(
    [property: JsonPropertyName("kscore")] double Kscore,
    [property: JsonPropertyName("slope")] double Slope,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("kclass_id")] int KclassId,
    [property: JsonPropertyName("kclass")] string Kclass,
    [property: JsonPropertyName("kclass_description")] string KclassDescription,
    [property: JsonPropertyName("kscore_description")] string KscoreDescription,
    [property: JsonPropertyName("network_score")] double NetworkScore,
    [property: JsonPropertyName("amplification_score")] double AmplificationScore,
    [property: JsonPropertyName("true_reach")] double TrueReach,
    [property: JsonPropertyName("delta_1day")] double Delta1Day,
    [property: JsonPropertyName("delta_5day")] double Delta5Day);
