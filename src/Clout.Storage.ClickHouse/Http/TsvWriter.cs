using System.Buffers;
using System.Globalization;
using System.Text;

namespace Clout.Storage.ClickHouse.Http;

/// <summary>Writes TabSeparated rows with ClickHouse's escaping, for external tables.</summary>
internal sealed class TsvWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private bool _lineStart = true;

    public int Rows { get; private set; }

    public TsvWriter Field(long value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    public TsvWriter Field(string value)
    {
        var sb = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => sb.Append("\\\\"),
                '\t' => sb.Append("\\t"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\0' => sb.Append("\\0"),
                '\'' => sb.Append("\\'"),
                _ => sb.Append(c),
            };
        }

        return Raw(sb.ToString());
    }

    public void EndRow()
    {
        _buffer.Write("\n"u8);
        _lineStart = true;
        Rows++;
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private TsvWriter Raw(string text)
    {
        if (!_lineStart)
        {
            _buffer.Write("\t"u8);
        }

        _lineStart = false;
        var bytes = Encoding.UTF8.GetBytes(text);
        _buffer.Write(bytes);
        return this;
    }
}
