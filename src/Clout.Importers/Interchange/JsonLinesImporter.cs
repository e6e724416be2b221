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
    /// <remarks>
    /// Lines are cut from the UTF-8 bytes as <see cref="StreamReader.ReadLine"/> cuts them (at <c>\n</c>, <c>\r</c> or
    /// <c>\r\n</c>, a leading byte order mark dropped) and posts and actions are read from the bytes by
    /// <see cref="InterchangeFastParser"/>; any other line is decoded and read by <see cref="InterchangeParser"/>, so
    /// records, line numbers and errors are the same as reading the text line by line. A file that starts with a
    /// UTF-16 or UTF-32 byte order mark is read as text.
    /// </remarks>
    public static IEnumerable<ImportItem> ReadStream(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        using (stream)
        {
            var parser = new InterchangeParser(source);
            var buffer = new byte[1 << 20];
            int start = 0, end = 0;
            long line = 0;
            var eof = false;
            var first = true;
            var skipLineFeed = false;
            while (true)
            {
                // Cut and read every whole line in the buffer (once the start of the file has been looked at).
                while (!first)
                {
                    if (skipLineFeed && start < end)
                    {
                        skipLineFeed = false;
                        if (buffer[start] == (byte)'\n')
                        {
                            start++;
                        }
                    }

                    var rest = buffer.AsSpan(start, end - start);
                    var cut = rest.IndexOfAny((byte)'\n', (byte)'\r');
                    if (cut < 0 && !(eof && rest.Length > 0))
                    {
                        break;
                    }

                    var length = cut < 0 ? rest.Length : cut;
                    var next = start + length + (cut < 0 ? 0 : 1);
                    if (cut >= 0 && rest[cut] == (byte)'\r')
                    {
                        if (next < end)
                        {
                            next += buffer[next] == (byte)'\n' ? 1 : 0;
                        }
                        else
                        {
                            skipLineFeed = true;
                        }
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    line++;
                    var item = Read(parser, buffer.AsSpan(start, length), line);
                    start = next;
                    if (item is { } found)
                    {
                        yield return found;
                    }
                }

                if (eof)
                {
                    yield break;
                }

                // Keep the unfinished line, growing the buffer when one line fills it, and read more.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                else if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = 0;
                try
                {
                    read = stream.Read(buffer, end, buffer.Length - end);
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    // A truncated or corrupt .gz ends here with a clear error instead of a crash.
                    parser.Fail(line + 1, null, $"the file cannot be read past this point: {e.Message}");
                }

                if (parser.PendingError is { } readError)
                {
                    yield return ImportItem.Fail(readError);
                    yield break;
                }

                end += read;
                eof = read == 0;
                if (first && end >= 4 || eof && first)
                {
                    first = false;
                    if (IsWideText(buffer.AsSpan(0, end)))
                    {
                        foreach (var item in ReadText(new ConcatenatedStream(buffer.AsMemory(0, end), stream), source, line, cancellationToken))
                        {
                            yield return item;
                        }

                        yield break;
                    }

                    if (buffer.AsSpan(0, end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        start = 3;
                    }
                }
            }
        }
    }

    private static readonly System.Buffers.SearchValues<byte> Blank = System.Buffers.SearchValues.Create(" \t\v\f"u8);

    /// <summary>One line: null when it is blank, else its record or error.</summary>
    private static ImportItem? Read(InterchangeParser parser, ReadOnlySpan<byte> bytes, long line)
    {
        if (bytes.IndexOfAnyExcept(Blank) < 0)
        {
            return null;
        }

        if (InterchangeFastParser.TryParse(bytes, out var record))
        {
            return ImportItem.Ok(record!);
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        return string.IsNullOrWhiteSpace(text) ? null : parser.Parse(text, line);
    }

    /// <summary>A byte order mark of UTF-16 or UTF-32, which <see cref="StreamReader"/> would decode.</summary>
    private static bool IsWideText(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    /// <summary>Reads decoded text line by line, for files that are not UTF-8.</summary>
    private static IEnumerable<ImportItem> ReadText(Stream stream, string source, long line, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var parser = new InterchangeParser(source);
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

    /// <summary>The bytes already read from a stream, then the rest of it.</summary>
    private sealed class ConcatenatedStream(ReadOnlyMemory<byte> head, Stream tail) : Stream
    {
        private ReadOnlyMemory<byte> head = head;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (head.IsEmpty)
            {
                return tail.Read(buffer);
            }

            var n = Math.Min(buffer.Length, head.Length);
            head.Span[..n].CopyTo(buffer);
            head = head[n..];
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
