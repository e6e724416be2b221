using System.Text;
using System.Text.Json;

namespace Clout.Importers.Bluesky.Car;

/// <summary>
/// Writes DAG-CBOR values in the atproto JSON form: links as <c>{"$link": cid}</c>, bytes as
/// <c>{"$bytes": base64 without padding}</c>, so records read from a CAR look exactly like Jetstream's.
/// </summary>
public static class DagCborJson
{
    public static string ToJson(DagCborValue value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Utf8JsonWriter writer, DagCborValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        switch (value.Kind)
        {
            case DagCborKind.Null:
                writer.WriteNullValue();
                break;
            case DagCborKind.Boolean:
                writer.WriteBooleanValue(value.Boolean);
                break;
            case DagCborKind.Integer:
                writer.WriteNumberValue(value.Integer);
                break;
            case DagCborKind.Float:
                writer.WriteNumberValue(value.Float);
                break;
            case DagCborKind.Text:
                writer.WriteStringValue(value.Text);
                break;
            case DagCborKind.Bytes:
                writer.WriteStartObject();
                writer.WriteString("$bytes", Convert.ToBase64String(value.Bytes!).TrimEnd('='));
                writer.WriteEndObject();
                break;
            case DagCborKind.Link:
                writer.WriteStartObject();
                writer.WriteString("$link", value.Link.ToString());
                writer.WriteEndObject();
                break;
            case DagCborKind.List:
                writer.WriteStartArray();
                foreach (var item in value.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case DagCborKind.Map:
                writer.WriteStartObject();
                foreach (var (key, item) in value.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "unknown DAG-CBOR kind");
        }
    }
}
