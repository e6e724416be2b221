using System.IO.Compression;
using System.Text.Json;
using Clout.Core.Records;

namespace Clout.Importers.Interchange;

/// <summary>
/// Clout's interchange format: JSON Lines, one record per line with a <c>type</c> of account, post, action or
/// metrics (docs/formats/interchange.md). Files ending in <c>.gz</c> are decompressed on the fly.
/// </summary>
public sealed class JsonLinesImporter : IImporter
{
    public string Format => "jsonl";

    public string Description => "Clout interchange: JSON Lines with account, post, action and metrics records (.jsonl, .ndjson, .jsonl.gz)";

    public bool CanRead(string path)
    {
        if (!File.Exists(path) || !(path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // Other formats use JSON Lines too (Jetstream): ours has a "type" of account, post, action or metrics.
        try
        {
            using var stream = Open(path);
            using var reader = new StreamReader(stream);
            for (var i = 0; i < 20 && reader.ReadLine() is { } line; i++)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line);
                return doc.RootElement.ValueKind == JsonValueKind.Object
                    && doc.RootElement.TryGetProperty("type", out var type)
                    && type.ValueKind == JsonValueKind.String
                    && type.GetString() is "account" or "post" or "action" or "metrics";
            }

            return true; // an empty file: ours by extension
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException)
        {
            return true; // unreadable: let the reader report where and why
        }
    }

    private static Stream Open(string path)
    {
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new Common.CheckedGzipStream(path) : File.OpenRead(path);
    }

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        Stream stream;
        try
        {
            stream = Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ImportItem.Fail(new ImportError(path, 0, null, $"cannot open the file: {e.Message}"))];
        }

        return ReadStream(stream, path, cancellationToken);
    }

    /// <summary>Reads interchange records from a stream; <paramref name="source"/> names it in errors.</summary>
    public static IEnumerable<ImportItem> ReadStream(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var parser = new InterchangeParser(source);
        long line = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? text;
            try
            {
                text = reader.ReadLine();
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                // A truncated or corrupt .gz ends here with a clear error instead of a crash.
                text = null;
                parser.Fail(line + 1, null, $"the file cannot be read past this point: {e.Message}");
            }

            if (parser.PendingError is { } readError)
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

            yield return parser.Parse(text, line);
        }
    }
}
