using System.Text.Json.Serialization;

namespace Clout.Api.Models.Klout;

/// <summary>v1 envelope: <c>{"status":200,"users":[…]}</c>.</summary>
public sealed record V1Response<T>([property: JsonPropertyName("status")] int Status, [property: JsonPropertyName("users")] IReadOnlyList<T> Users);
