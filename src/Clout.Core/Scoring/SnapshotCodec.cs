using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clout.Core.Scoring;

/// <summary>
/// How stores keep the structured parts of a snapshot (per-network parts, explanation): JSON compressed with
/// Brotli at quality 1 (a daily run encodes four parts per person: quality 4 took three times as long for 12% smaller
/// explanations), the same bytes on every store.
/// </summary>
public static class SnapshotCodec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static byte[] EncodeNetworks(IReadOnlyList<NetworkPart> parts) => Compress(JsonSerializer.SerializeToUtf8Bytes(parts, Options));

    public static IReadOnlyList<NetworkPart> DecodeNetworks(byte[] data) =>
        JsonSerializer.Deserialize<List<NetworkPart>>(Decompress(data), Options) ?? [];

    public static byte[] EncodeExplanation(Explanation explanation) => Compress(JsonSerializer.SerializeToUtf8Bytes(explanation, Options));

    public static Explanation DecodeExplanation(byte[] data) =>
        JsonSerializer.Deserialize<Explanation>(Decompress(data), Options) ?? new Explanation();

    public static byte[] EncodeTopics(IReadOnlyList<TopicScore> topics) => Compress(JsonSerializer.SerializeToUtf8Bytes(topics, Options));

    public static IReadOnlyList<TopicScore> DecodeTopics(byte[] data) =>
        JsonSerializer.Deserialize<List<TopicScore>>(Decompress(data), Options) ?? [];

    public static byte[] EncodeStyle(InfluenceStyle style) => Compress(JsonSerializer.SerializeToUtf8Bytes(style, Options));

    public static InfluenceStyle? DecodeStyle(byte[] data) => JsonSerializer.Deserialize<InfluenceStyle>(Decompress(data), Options);

    /// <summary>Warning flags as a JSON array (not compressed: usually <c>[]</c>, and read on every score request).</summary>
    public static string EncodeFlags(IReadOnlyList<string> flags) => flags.Count == 0 ? "[]" : JsonSerializer.Serialize(flags, Options);

    public static IReadOnlyList<string> DecodeFlags(string json) =>
        json == "[]" ? [] : JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];

    private static byte[] Compress(byte[] json)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length)];
        return BrotliEncoder.TryCompress(json, buffer, out var written, quality: 1, window: 22)
            ? buffer.AsSpan(0, written).ToArray()
            : throw new InvalidOperationException("snapshot compression failed");
    }

    private static byte[] Decompress(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
