using System.Globalization;
using System.Text.Json;

namespace Clout.Importers.Common;

/// <summary>
/// The line of a JSON path such as <c>$.data.children[3].data.created_utc</c> in a document, so that record-level
/// errors in API responses name a line as well as the path. Only run for errors: it rescans the document.
/// </summary>
internal static class JsonPathLines
{
    /// <summary>The 1-based line where the deepest existing part of <paramref name="path"/> starts, or 0.</summary>
    public static long LineOf(ReadOnlySpan<byte> json, string path)
    {
        if (json.IsEmpty || !TryParse(path, out var segments))
        {
            return 0;
        }

        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read())
            {
                return 0;
            }

            var offset = Seek(ref reader, segments, 0);
            return json[..(int)Math.Min(offset, json.Length)].Count((byte)'\n') + 1;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    // The reader is on the first token of a value; returns the offset of the deepest value on the path.
    private static long Seek(ref Utf8JsonReader reader, List<object> segments, int level)
    {
        var start = reader.TokenStartIndex;
        if (level == segments.Count)
        {
            return start;
        }

        if (segments[level] is string name && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(name))
                {
                    reader.Read();
                    return Seek(ref reader, segments, level + 1);
                }

                reader.Skip();
            }
        }
        else if (segments[level] is int index && reader.TokenType == JsonTokenType.StartArray)
        {
            var i = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (i++ == index)
                {
                    return Seek(ref reader, segments, level + 1);
                }

                reader.Skip();
            }
        }

        return start;
    }

    private static bool TryParse(string path, out List<object> segments)
    {
        segments = [];
        if (!path.StartsWith('$'))
        {
            return false;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }

                segments.Add(index);
                i = end + 1;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
