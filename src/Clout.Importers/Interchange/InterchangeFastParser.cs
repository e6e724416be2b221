using System.Globalization;
using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Importers.Interchange;

/// <summary>
/// Reads the common interchange lines, posts and actions with only the documented fields, straight from their
/// UTF-8 bytes with one forward pass of <see cref="Utf8JsonReader"/> (no document, no decoded line). Anything else
/// (accounts, metrics, extra fields kept as raw payload, a repeated field, any invalid value) is declined, and the
/// caller hands the line to <see cref="InterchangeParser"/>, which gives the same records and every error message.
/// </summary>
internal static class InterchangeFastParser
{
    private enum Field
    {
        Type,
        Network,
        Id,
        Account,
        Time,
        Text,
        Kind,
        Parent,
        Url,
        Actor,
        Target,
        Post,
        Topic,
    }

    /// <summary>Parses a post or action line; false when the line needs the full parser.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out ImportRecord? record)
    {
        record = null;
        try
        {
            return TryParseCore(line, out record);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    private static bool TryParseCore(ReadOnlySpan<byte> line, out ImportRecord? record)
    {
        record = null;
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Span<bool> seen = stackalloc bool[13];
        string? network = null, id = null, account = null, text = null, kind = null, parent = null, url = null;
        string? actor = null, target = null, post = null, topic = null;
        var type = 0; // 1 post, 2 action
        DateTimeOffset? time = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || !TryField(ref reader, out var field) || seen[(int)field])
            {
                return false;
            }

            seen[(int)field] = true;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                // Null is "absent" for optional fields; a required field that is null gets the full parser's error.
                continue;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            switch (field)
            {
                case Field.Type:
                    type = reader.ValueTextEquals("post"u8) ? 1 : reader.ValueTextEquals("action"u8) ? 2 : 0;
                    if (type == 0)
                    {
                        return false;
                    }

                    break;
                case Field.Time:
                    if (!TryTime(ref reader, out var t))
                    {
                        return false;
                    }

                    time = t;
                    break;
                case Field.Network:
                    network = reader.GetString();
                    break;
                case Field.Id:
                    id = reader.GetString();
                    break;
                case Field.Account:
                    account = reader.GetString();
                    break;
                case Field.Text:
                    text = reader.GetString();
                    break;
                case Field.Kind:
                    kind = reader.GetString();
                    break;
                case Field.Parent:
                    parent = reader.GetString();
                    break;
                case Field.Url:
                    url = reader.GetString();
                    break;
                case Field.Actor:
                    actor = reader.GetString();
                    break;
                case Field.Target:
                    target = reader.GetString();
                    break;
                case Field.Post:
                    post = reader.GetString();
                    break;
                case Field.Topic:
                    topic = reader.GetString();
                    break;
            }
        }

        // Nothing but whitespace may follow the object (the reader throws on anything else).
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return false;
        }

        if (string.IsNullOrEmpty(network) || !NetworkNames.TryParse(network, out var net) || string.IsNullOrEmpty(id) || time is not { } at)
        {
            return false;
        }

        if (type == 1)
        {
            if (seen[(int)Field.Actor] || seen[(int)Field.Target] || seen[(int)Field.Post] || seen[(int)Field.Topic]
                || string.IsNullOrEmpty(account) || !KindNames.TryParsePost(kind ?? "post", out var postKind))
            {
                return false;
            }

            record = new PostRecord(net, id, account, at, postKind) { Text = text, Url = url, Parent = parent };
            return true;
        }

        if (type == 2)
        {
            if (seen[(int)Field.Account] || seen[(int)Field.Text] || seen[(int)Field.Parent] || seen[(int)Field.Url]
                || string.IsNullOrEmpty(kind) || !KindNames.TryParseAction(kind, out var actionKind)
                || string.IsNullOrEmpty(actor) || string.IsNullOrEmpty(target)
                || (actionKind == ActionKind.Endorse && string.IsNullOrWhiteSpace(topic)))
            {
                return false;
            }

            record = new ActionRecord(net, id, actionKind, actor, target, at) { Post = post, Topic = topic };
            return true;
        }

        return false;
    }

    private static bool TryField(ref Utf8JsonReader reader, out Field field)
    {
        field = default;
        if (reader.ValueIsEscaped)
        {
            return false;
        }

        var name = reader.ValueSpan;
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8):
                field = Field.Id;
                return true;
            case 3 when name.SequenceEqual("url"u8):
                field = Field.Url;
                return true;
            case 4:
                if (name.SequenceEqual("type"u8))
                {
                    field = Field.Type;
                }
                else if (name.SequenceEqual("time"u8))
                {
                    field = Field.Time;
                }
                else if (name.SequenceEqual("text"u8))
                {
                    field = Field.Text;
                }
                else if (name.SequenceEqual("kind"u8))
                {
                    field = Field.Kind;
                }
                else if (name.SequenceEqual("post"u8))
                {
                    field = Field.Post;
                }
                else
                {
                    return false;
                }

                return true;
            case 5 when name.SequenceEqual("actor"u8):
                field = Field.Actor;
                return true;
            case 5 when name.SequenceEqual("topic"u8):
                field = Field.Topic;
                return true;
            case 6 when name.SequenceEqual("parent"u8):
                field = Field.Parent;
                return true;
            case 6 when name.SequenceEqual("target"u8):
                field = Field.Target;
                return true;
            case 7 when name.SequenceEqual("network"u8):
                field = Field.Network;
                return true;
            case 7 when name.SequenceEqual("account"u8):
                field = Field.Account;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>YYYY-MM-DDTHH:MM:SSZ</c> read from the bytes; other ISO 8601 forms go through the same
    /// <see cref="DateTimeOffset.TryParse(string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/> as the full parser.
    /// </summary>
    private static bool TryTime(ref Utf8JsonReader reader, out DateTimeOffset time)
    {
        time = default;
        var s = reader.ValueIsEscaped ? default : reader.ValueSpan;
        if (s.Length == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[19] == 'Z'
            && Digits(s, 0, 4, out var year) && Digits(s, 5, 2, out var month) && Digits(s, 8, 2, out var day)
            && Digits(s, 11, 2, out var hour) && Digits(s, 14, 2, out var minute) && Digits(s, 17, 2, out var second)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour <= 23 && minute <= 59 && second <= 59)
        {
            time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = value * 10 + d;
        }

        return true;
    }
}
