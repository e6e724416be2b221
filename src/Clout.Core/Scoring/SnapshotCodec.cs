using System.Buffers;
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

    public static byte[] EncodeNetworks(IReadOnlyList<NetworkPart> parts) => Encode(parts);

    public static IReadOnlyList<NetworkPart> DecodeNetworks(byte[] data) =>
        JsonSerializer.Deserialize<List<NetworkPart>>(Decompress(data), Options) ?? [];

    public static byte[] EncodeExplanation(Explanation explanation) => Encode(explanation);

    public static Explanation DecodeExplanation(byte[] data) =>
        JsonSerializer.Deserialize<Explanation>(Decompress(data), Options) ?? new Explanation();

    public static byte[] EncodeTopics(IReadOnlyList<TopicScore> topics) => Encode(topics);

    public static IReadOnlyList<TopicScore> DecodeTopics(byte[] data) =>
        JsonSerializer.Deserialize<List<TopicScore>>(Decompress(data), Options) ?? [];

    public static byte[] EncodeStyle(InfluenceStyle style) => Encode(style);

    public static InfluenceStyle? DecodeStyle(byte[] data) => JsonSerializer.Deserialize<InfluenceStyle>(Decompress(data), Options);

    /// <summary>Warning flags as a JSON array (not compressed: usually <c>[]</c>, and read on every score request).</summary>
    public static string EncodeFlags(IReadOnlyList<string> flags) => flags.Count == 0 ? "[]" : JsonSerializer.Serialize(flags, Options);

    public static IReadOnlyList<string> DecodeFlags(string json) =>
        json == "[]" ? [] : JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];

    /// <summary>
    /// The reference encoding, one new array for the JSON and one for the compressed bytes: <see cref="Encode"/>
    /// must give the same bytes (tested), with only the result allocated.
    /// </summary>
    public static byte[] EncodeByArrays<T>(T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, Options);
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length)];
        return BrotliEncoder.TryCompress(json, buffer, out var written, quality: 1, window: 22)
            ? buffer.AsSpan(0, written).ToArray()
            : throw new InvalidOperationException("snapshot compression failed");
    }

    // A daily run encodes four parts per person on every core, and at a million people the write waits for this side
    // (docs/performance.md): the JSON and the compressed bytes go into buffers kept per thread, and only the result is
    // a new array.
    [ThreadStatic]
    private static Buffers? buffers;

    private static byte[] Encode<T>(T value)
    {
        var b = buffers ??= new Buffers();
        b.Json.ResetWrittenCount();
        b.Writer.Reset(b.Json);
        JsonSerializer.Serialize(b.Writer, value, Options);
        var json = b.Json.WrittenSpan;
        var max = BrotliEncoder.GetMaxCompressedLength(json.Length);
        if (b.Compressed.Length < max)
        {
            b.Compressed = new byte[Math.Max(max, 2 * b.Compressed.Length)];
        }

        return BrotliEncoder.TryCompress(json, b.Compressed, out var written, quality: 1, window: 22)
            ? b.Compressed.AsSpan(0, written).ToArray()
            : throw new InvalidOperationException("snapshot compression failed");
    }

    private sealed class Buffers
    {
        public Buffers() => Writer = new Utf8JsonWriter(Json, new JsonWriterOptions { SkipValidation = true });

        public ArrayBufferWriter<byte> Json { get; } = new(16 * 1024);

        public Utf8JsonWriter Writer { get; }

        public byte[] Compressed { get; set; } = new byte[16 * 1024];
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
