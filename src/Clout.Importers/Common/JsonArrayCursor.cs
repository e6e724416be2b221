using System.Text.Json;
using Clout.Core.Records;

namespace Clout.Importers.Common;

/// <summary>
/// Walks the elements of a JSON array inside a byte buffer one at a time, so a large export costs one element of
/// parsed memory, and knows the line each element starts on for error messages. Either the array starts at a
/// given offset (a JavaScript-wrapped archive file), or it is every root-level property of a given name (an
/// ActivityStreams collection's <c>orderedItems</c>, which Mastodon exports have been seen to repeat).
/// </summary>
internal sealed class JsonArrayCursor
{
    private readonly byte[] data;
    private readonly string source;
    private readonly string? propertyName;
    private JsonReaderState state;
    private int position;
    private int linesCountedTo;
    private long line = 1;
    private bool inArray;
    private bool done;
    private int arraysFound;

    // The reader state carries its line count across slices, so reader lines are relative to the first slice.
    private readonly long baseLine;

    private JsonArrayCursor(byte[] data, string source, string? propertyName, int start)
    {
        this.data = data;
        this.source = source;
        this.propertyName = propertyName;
        position = start;
        baseLine = LineAt(start);
        state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    }

    /// <summary>Scalar root properties passed while looking for the array (such as <c>totalItems</c>), as raw JSON text.</summary>
    public Dictionary<string, string> RootScalars { get; } = new(StringComparer.Ordinal);

    /// <summary>The array that starts at <paramref name="start"/> (the first non-space byte must be <c>[</c>).</summary>
    public static JsonArrayCursor AtOffset(byte[] data, int start, string source) => new(data, source, null, start) { inArray = false };

    /// <summary>Every array value of the root object's properties named <paramref name="name"/>, in order.</summary>
    public static JsonArrayCursor ForRootProperty(byte[] data, string name, string source) => new(data, source, name, SkipBom(data));

    /// <summary>The line a byte offset is on (1-based), counted incrementally: offsets must not go backwards.</summary>
    public long LineAt(int offset)
    {
        var end = Math.Min(offset, data.Length);
        if (end > linesCountedTo)
        {
            line += data.AsSpan(linesCountedTo, end - linesCountedTo).Count((byte)'\n');
            linesCountedTo = end;
        }

        return line;
    }

    /// <summary>
    /// The next element, or false at the end. At bad input <paramref name="error"/> says where and why, and the
    /// cursor stops: a truncated or corrupt file cannot be resynchronised safely.
    /// </summary>
    public bool TryNext(out JsonDocument? element, out long elementLine, out ImportError? error)
    {
        element = null;
        elementLine = 0;
        error = null;
        while (!done)
        {
            var reader = new Utf8JsonReader(data.AsSpan(position), isFinalBlock: true, state);
            try
            {
                if (!inArray)
                {
                    if (!FindArray(ref reader, out error))
                    {
                        done = true;
                        return false;
                    }

                    inArray = true;
                    Advance(ref reader);
                    continue;
                }

                if (!reader.Read())
                {
                    error = Fail(position, "the file ends inside the array; expected more elements or ']' (the file looks truncated)");
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    Advance(ref reader);
                    inArray = false;
                    if (propertyName is null)
                    {
                        done = true;
                    }

                    continue;
                }

                elementLine = LineAt(position + (int)reader.TokenStartIndex);
                element = JsonDocument.ParseValue(ref reader);
                Advance(ref reader);
                return true;
            }
            catch (JsonException e)
            {
                error = Fail(position, $"not valid JSON ({Short(e)})", e.LineNumber is { } l ? baseLine + l : null);
                return false;
            }
        }

        return false;
    }

    private bool FindArray(ref Utf8JsonReader reader, out ImportError? error)
    {
        error = null;
        if (propertyName is null)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                error = Fail(position, "expected a JSON array '['");
                return false;
            }

            return true;
        }

        if (reader.TokenType == JsonTokenType.None)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = Fail(position, "expected a JSON object '{'");
                return false;
            }
        }

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
            {
                if (arraysFound == 0)
                {
                    error = Fail(position + (int)reader.TokenStartIndex, $"no '{propertyName}' array in the root object");
                }

                return false;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            var name = reader.GetString()!;
            if (!reader.Read())
            {
                break;
            }

            if (name == propertyName && reader.TokenType == JsonTokenType.StartArray)
            {
                arraysFound++;
                return true;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
            else
            {
                RootScalars[name] = reader.TokenType == JsonTokenType.String
                    ? reader.GetString()!
                    : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            }
        }

        error = Fail(position + (int)reader.BytesConsumed, "the file ends inside the root object (the file looks truncated)");
        return false;
    }

    private void Advance(ref Utf8JsonReader reader)
    {
        position += (int)reader.BytesConsumed;
        state = reader.CurrentState;
    }

    private ImportError Fail(int offset, string message, long? absoluteLine = null)
    {
        done = true;
        var at = absoluteLine ?? LineAt(offset);
        return new ImportError(source, at, propertyName, message);
    }

    private static int SkipBom(byte[] data) =>
        data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;

    private static string Short(JsonException e) => e.Message.Split(" LineNumber", 2)[0].TrimEnd('.');
}
