using System.IO.Compression;
using System.Text;

namespace Clout.Importers.Snap;

/// <summary>Line access shared by the SNAP edge-list readers: gz on the fly, comments (#, %) and blank lines skipped.</summary>
internal static class SnapLines
{
    public static Stream Open(string path)
    {
        Stream stream = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    public static StreamReader Reader(Stream stream) =>
        new(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    public static bool IsSkipped(string line)
    {
        var t = line.AsSpan().TrimStart();
        return t.IsEmpty || t[0] == '#' || t[0] == '%';
    }

    /// <summary>Splits on spaces and tabs into at most <paramref name="fields"/>.Length fields; returns how many were found.</summary>
    public static int Split(string line, Span<Range> fields)
    {
        var count = 0;
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t' || line[i] == ','))
            {
                i++;
            }

            if (i >= line.Length)
            {
                break;
            }

            var start = i;
            while (i < line.Length && line[i] != ' ' && line[i] != '\t' && line[i] != ',')
            {
                i++;
            }

            if (count == fields.Length)
            {
                return count + 1; // more fields than the format has
            }

            fields[count++] = new Range(start, i);
        }

        return count;
    }

    /// <summary>True when the first non-comment line of the file has the given numbers of fields and numeric node ids.</summary>
    public static bool Sniff(string path, int minFields, int maxFields)
    {
        try
        {
            using var stream = Open(path);
            using var reader = Reader(stream);
            Span<Range> fields = stackalloc Range[maxFields];
            for (var i = 0; i < 50 && reader.ReadLine() is { } line; i++)
            {
                if (IsSkipped(line))
                {
                    continue;
                }

                var n = Split(line, fields);
                if (n < minFields || n > maxFields)
                {
                    return false;
                }

                for (var k = 0; k < Math.Min(n, 3); k++)
                {
                    if (!long.TryParse(line.AsSpan()[fields[k]], out _))
                    {
                        return false;
                    }
                }

                return true;
            }

            return false;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
