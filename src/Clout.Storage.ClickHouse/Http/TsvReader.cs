using System.Buffers.Text;
using System.Text;

namespace Clout.Storage.ClickHouse.Http;

/// <summary>
/// Reads a TabSeparated response row by row from a stream without a string per field. ClickHouse appends its error
/// text to a response whose headers were already sent, so a row that does not parse, or a line that is an
/// exception, becomes a <see cref="ClickHouseException"/> rather than data.
/// </summary>
internal sealed class TsvReader
{
    private readonly Stream _stream;
    private readonly string _node;
    private readonly int _columns;
    private readonly string _query;
    private readonly int[] _starts;
    private readonly int[] _ends;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private int _lineStart;
    private int _lineEnd;
    private bool _eof;

    public TsvReader(Stream stream, string node, int columns, string query)
    {
        _query = query;
        _stream = stream;
        _node = node;
        _columns = columns;
        _starts = new int[columns];
        _ends = new int[columns];
    }

    public long Rows { get; private set; }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                SetLine(_start, newline);
                _start = newline + 1;
                return true;
            }

            if (_eof)
            {
                if (_start < _end)
                {
                    var tail = Encoding.UTF8.GetString(_buffer, _start, _end - _start);
                    throw Failure(tail, "the response ended in the middle of a row");
                }

                return false;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw new ClickHouseException($"ClickHouse node {_node}: the connection broke while reading a result: {e.Message} (query: {_query})", 0, transient: true, e);
            }

            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }
    }

    public ReadOnlySpan<byte> Raw(int column) => _buffer.AsSpan(_starts[column], _ends[column] - _starts[column]);

    public bool IsNull(int column) => Raw(column).SequenceEqual("\\N"u8);

    public long Int64(int column) =>
        Utf8Parser.TryParse(Raw(column), out long v, out var used) && used == Raw(column).Length ? v : throw Bad(column, "a whole number");

    public ulong UInt64(int column) =>
        Utf8Parser.TryParse(Raw(column), out ulong v, out var used) && used == Raw(column).Length ? v : throw Bad(column, "an unsigned whole number");

    public int Int32(int column) =>
        Utf8Parser.TryParse(Raw(column), out int v, out var used) && used == Raw(column).Length ? v : throw Bad(column, "a 32-bit whole number");

    public long? NullableInt64(int column) => IsNull(column) ? null : Int64(column);

    public double Float64(int column)
    {
        var raw = Raw(column);
        if (Utf8Parser.TryParse(raw, out double v, out var used) && used == raw.Length)
        {
            return v;
        }

        // ClickHouse prints non-finite values as inf, -inf and nan.
        return raw.SequenceEqual("inf"u8) ? double.PositiveInfinity
            : raw.SequenceEqual("-inf"u8) ? double.NegativeInfinity
            : raw.SequenceEqual("nan"u8) || raw.SequenceEqual("-nan"u8) ? double.NaN
            : throw Bad(column, "a number");
    }

    public double? NullableFloat64(int column) => IsNull(column) ? null : Float64(column);

    public string? NullableString(int column) => IsNull(column) ? null : String(column);

    public string String(int column)
    {
        var raw = Raw(column);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var bytes = new byte[raw.Length];
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == '\\' && i + 1 < raw.Length)
            {
                i++;
                b = raw[i] switch
                {
                    (byte)'t' => (byte)'\t',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'0' => 0,
                    (byte)'b' => 8,
                    (byte)'f' => 12,
                    (byte)'a' => 7,
                    (byte)'v' => 11,
                    var other => other,
                };
            }

            bytes[n++] = b;
        }

        return Encoding.UTF8.GetString(bytes, 0, n);
    }

    /// <summary>An <c>Array(Int64)</c> printed as <c>[1,-1,3]</c>, into <paramref name="target"/>; returns the count.</summary>
    public int Int64Array(int column, Span<long> target)
    {
        var raw = Raw(column);
        if (raw.Length < 2 || raw[0] != '[' || raw[^1] != ']')
        {
            throw Bad(column, "an array such as [1,2]");
        }

        raw = raw[1..^1];
        var n = 0;
        while (raw.Length > 0)
        {
            if (!Utf8Parser.TryParse(raw, out long v, out var used) || n >= target.Length)
            {
                throw Bad(column, $"an array of at most {target.Length} whole numbers");
            }

            target[n++] = v;
            raw = raw[used..];
            if (raw.Length > 0)
            {
                raw = raw[0] == ',' ? raw[1..] : throw Bad(column, "an array such as [1,2]");
            }
        }

        return n;
    }

    private void SetLine(int start, int end)
    {
        _lineStart = start;
        _lineEnd = end;
        var line = _buffer.AsSpan(start, end - start);
        if (line.StartsWith("Code: "u8) && line.IndexOf("Exception"u8) >= 0)
        {
            throw Failure(Encoding.UTF8.GetString(line), "the query failed while its result was being sent");
        }

        var column = 0;
        var fieldStart = start;
        for (var i = start; i < end; i++)
        {
            if (_buffer[i] == '\t')
            {
                if (column == _columns - 1)
                {
                    throw Failure(Encoding.UTF8.GetString(line), $"expected {_columns} columns in a row");
                }

                _starts[column] = fieldStart;
                _ends[column] = i;
                column++;
                fieldStart = i + 1;
            }
        }

        if (column != _columns - 1)
        {
            throw Failure(Encoding.UTF8.GetString(line), $"expected {_columns} columns in a row");
        }

        _starts[column] = fieldStart;
        _ends[column] = end;
        Rows++;
    }

    private ClickHouseException Bad(int column, string expected)
    {
        var line = Encoding.UTF8.GetString(_buffer, _lineStart, _lineEnd - _lineStart);
        return Failure(line, $"column {column + 1} is '{Encoding.UTF8.GetString(Raw(column))}', expected {expected}");
    }

    private ClickHouseException Failure(string text, string what)
    {
        var shown = text.Length > 2000 ? text[..2000] + "…" : text;
        var code = ClickHouseErrors.CodeOf(text);
        return new ClickHouseException(
            $"ClickHouse node {_node}: {what} (row {Rows + 1}): {shown.Trim()}.{ClickHouseErrors.Hint(code)} (query: {_query})",
            code,
            ClickHouseErrors.IsTransient(code));
    }
}
