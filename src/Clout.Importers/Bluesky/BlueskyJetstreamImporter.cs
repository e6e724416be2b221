using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Clout.Core.Records;

namespace Clout.Importers.Bluesky;

/// <summary>
/// Bluesky Jetstream event streams saved as JSON Lines: one event per line, of kind commit (a record created,
/// updated or deleted), identity (a handle change) or account (activation status). Records map as in a CAR export;
/// the event's <c>time_us</c> is the time of what it records (docs/formats/bluesky-jetstream.md). Files ending in
/// <c>.gz</c> are decompressed on the fly.
/// </summary>
public sealed class BlueskyJetstreamImporter : IImporter
{
    private static readonly string[] Extensions = [".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz"];

    public string Format => "bluesky-jetstream";

    public string Description => "Bluesky Jetstream events: one JSON event per line with did, time_us and kind (.jsonl, .jsonl.gz)";

    public bool CanRead(string path)
    {
        if (!File.Exists(path) || !Array.Exists(Extensions, e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        try
        {
            using var reader = new StreamReader(Open(path), Encoding.UTF8);
            var buffer = new char[1 << 16];
            var n = reader.ReadBlock(buffer, 0, buffer.Length);
            var text = new string(buffer, 0, n).TrimStart();
            var end = text.IndexOf('\n', StringComparison.Ordinal);
            var first = end < 0 ? text : text[..end];
            using var doc = JsonDocument.Parse(first);
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("did", out _)
                && root.TryGetProperty("time_us", out _) && root.TryGetProperty("kind", out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            return false;
        }
    }

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ReadFile(path, cancellationToken);
    }

    // The file is opened on enumeration, so that enumerating twice reads it twice.
    private static IEnumerable<ImportItem> ReadFile(string path, CancellationToken cancellationToken)
    {
        Stream? stream = null;
        ImportError? error = null;
        try
        {
            stream = Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = new ImportError(path, 0, null, $"cannot open the file: {e.Message}");
        }

        if (stream is null)
        {
            yield return ImportItem.Fail(error!);
            yield break;
        }

        foreach (var item in ReadStream(stream, path, cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Reads Jetstream events from a stream; <paramref name="source"/> names it in errors.</summary>
    public static IEnumerable<ImportItem> ReadStream(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var parser = new JetstreamEventParser(source);
        var output = new List<ImportRecord>();
        long line = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? text;
            ImportError? readError = null;
            try
            {
                text = reader.ReadLine();
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                text = null;
                readError = new ImportError(source, line + 1, null, $"the file cannot be read past this point: {e.Message}");
            }

            if (readError is not null)
            {
                yield return ImportItem.Fail(readError);
                yield break;
            }

            if (text is null)
            {
                yield break;
            }

            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            output.Clear();
            if (parser.Parse(text, line, output) is { } error)
            {
                yield return ImportItem.Fail(error);
                continue;
            }

            foreach (var record in output)
            {
                yield return ImportItem.Ok(record);
            }
        }
    }

    private static Stream Open(string path)
    {
        Stream stream = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}
