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

    public bool CanRead(string path) =>
        File.Exists(path) && (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ImportItem.Fail(new ImportError(path, 0, null, $"cannot open the file: {e.Message}"))];
        }

        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
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
