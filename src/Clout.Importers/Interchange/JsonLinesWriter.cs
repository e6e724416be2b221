using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Importers.Interchange;

/// <summary>Writes records in the interchange format (one JSON object per line); <c>.gz</c> paths are compressed.</summary>
public sealed class JsonLinesWriter : IDisposable
{
    private readonly Stream stream;
    private readonly Utf8JsonWriter json;
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public JsonLinesWriter(Stream output)
    {
        stream = output ?? throw new ArgumentNullException(nameof(output));
        json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static JsonLinesWriter Create(string path)
    {
        Stream file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            file = new GZipStream(file, CompressionLevel.Fastest);
        }

        return new JsonLinesWriter(file);
    }

    public void Write(ImportRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        json.Reset();
        json.WriteStartObject();
        switch (record)
        {
            case AccountRecord a:
                Header("account", a.Network);
                json.WriteString("id", a.Id);
                Optional("handle", a.Handle);
                Optional("name", a.Name);
                Optional("created", a.Created);
                Optional("person", a.Person);
                Optional("bio", a.Bio);
                Optional("url", a.Url);
                if (a.Labels.Count > 0)
                {
                    json.WriteStartArray("labels");
                    foreach (var l in a.Labels)
                    {
                        json.WriteStringValue(l);
                    }

                    json.WriteEndArray();
                }

                break;
            case PostRecord p:
                Header("post", p.Network);
                json.WriteString("id", p.Id);
                json.WriteString("account", p.Account);
                Optional("time", p.Time);
                Optional("text", p.Text);
                json.WriteString("kind", p.Kind.Name());
                Optional("parent", p.Parent);
                Optional("url", p.Url);
                break;
            case ActionRecord x:
                Header("action", x.Network);
                json.WriteString("id", x.Id);
                json.WriteString("kind", x.Kind.Name());
                json.WriteString("actor", x.Actor);
                json.WriteString("target", x.Target);
                Optional("post", x.Post);
                Optional("time", x.Time);
                Optional("topic", x.Topic);
                break;
            case MetricsRecord m:
                Header("metrics", m.Network);
                json.WriteString("account", m.Account);
                json.WriteString("date", m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteNumber("days", m.Days);
                Optional("followers", m.Followers);
                Optional("following", m.Following);
                Optional("lists", m.Lists);
                Optional("posts", m.Posts);
                Counts("received", m.Received);
                Counts("sent", m.Sent);
                break;
            default:
                throw new ArgumentException($"unsupported record type {record.GetType().Name}", nameof(record));
        }

        if (record.Raw is { } raw)
        {
            json.WritePropertyName("raw");
            json.WriteRawValue(raw, skipInputValidation: true);
        }

        json.WriteEndObject();
        json.Flush();
        stream.Write(NewLine);
    }

    private void Header(string type, Network network)
    {
        json.WriteString("type", type);
        json.WriteString("network", network.Name());
    }

    private void Optional(string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private void Optional(string name, long? value)
    {
        if (value is not null)
        {
            json.WriteNumber(name, value.Value);
        }
    }

    private void Optional(string name, DateTimeOffset? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
    }

    private void Counts(string name, IReadOnlyDictionary<ActionKind, long> counts)
    {
        if (counts.Count == 0)
        {
            return;
        }

        json.WriteStartObject(name);
        foreach (var kind in KindNames.AllActions)
        {
            if (counts.TryGetValue(kind, out var n))
            {
                json.WriteNumber(kind.Name(), n);
            }
        }

        json.WriteEndObject();
    }

    public void Dispose()
    {
        json.Dispose();
        stream.Dispose();
    }
}
