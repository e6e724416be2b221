using System.Text.Json;
using System.Text.RegularExpressions;

namespace Clout.Engine.Topics;

/// <summary>
/// Reads the JSON shape of a topics file into entries, collecting every problem with the file, the topic's index
/// and slug, and the field. Checks that need the other topics (parents, duplicates, ids) are done by the builder.
/// </summary>
internal static partial class TopicFileReader
{
    public const int MaxSlugLength = 64;
    public const int MaxNameLength = 100;

    private const string ExpectedFields = "id, slug, name, parent, hashtags, keywords, domains";

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static bool IsValidSlug(string slug) => slug.Length <= MaxSlugLength && SlugPattern().IsMatch(slug);

    public static List<TopicEntry> Read(ReadOnlyMemory<byte> json, string source, List<TopicFileError> errors)
    {
        var entries = new List<TopicEntry>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            errors.Add(new TopicFileError(source, -1, null, null, $"not valid JSON{where}; expected an object {{ \"topics\": [ ... ] }}"));
            return entries;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new TopicFileError(source, -1, null, null, $"expected an object {{ \"topics\": [ ... ] }}, found {Describe(root.ValueKind)}"));
                return entries;
            }

            JsonElement? topics = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "topics":
                        topics = property.Value;
                        break;
                    case "version":
                        if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out var version) || version != 1)
                        {
                            errors.Add(new TopicFileError(source, -1, null, "version", $"unsupported version {property.Value.GetRawText()}; expected 1"));
                        }

                        break;
                    default:
                        errors.Add(new TopicFileError(source, -1, null, property.Name, "unknown field; expected \"version\" and \"topics\""));
                        break;
                }
            }

            if (topics is not { ValueKind: JsonValueKind.Array } array)
            {
                var found = topics is null ? "it is missing" : $"found {Describe(topics.Value.ValueKind)}";
                errors.Add(new TopicFileError(source, -1, null, "topics", $"expected an array of topic objects; {found}"));
                return entries;
            }

            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var entry = ReadTopic(element, index, source, errors);
                if (entry is not null)
                {
                    entries.Add(entry);
                }

                index++;
            }
        }

        return entries;
    }

    private static TopicEntry? ReadTopic(JsonElement e, int index, string source, List<TopicFileError> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new TopicFileError(source, index, null, null, $"expected a topic object, found {Describe(e.ValueKind)}"));
            return null;
        }

        var slug = e.TryGetProperty("slug", out var slugElement) && slugElement.ValueKind == JsonValueKind.String ? slugElement.GetString()! : null;
        var before = errors.Count;
        void Fail(string? field, string message) => errors.Add(new TopicFileError(source, index, slug, field, message));

        if (slug is null)
        {
            Fail("slug", slugElement.ValueKind == JsonValueKind.Undefined ? "missing; every topic needs a slug" : $"expected a string, found {Describe(slugElement.ValueKind)}");
        }
        else if (!IsValidSlug(slug))
        {
            Fail("slug", $"'{slug}' is not a valid slug; expected lower-case letters and digits in words joined by single hyphens, at most {MaxSlugLength} characters (e.g. \"machine-learning\")");
        }

        long? id = null;
        string? name = null, parent = null;
        var hasParent = false;
        IReadOnlyList<string> hashtags = [], keywords = [], domains = [];
        foreach (var property in e.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "slug":
                    break;
                case "id":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number <= 0)
                    {
                        Fail("id", $"expected a positive 64-bit integer, found {value.GetRawText()}");
                    }
                    else
                    {
                        id = number;
                    }

                    break;
                case "name":
                    if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                    {
                        Fail("name", $"expected a non-empty display name, found {value.GetRawText()}");
                    }
                    else if (value.GetString()!.Trim().Length > MaxNameLength)
                    {
                        Fail("name", $"longer than {MaxNameLength} characters");
                    }
                    else
                    {
                        name = value.GetString()!.Trim();
                    }

                    break;
                case "parent":
                    hasParent = true;
                    if (value.ValueKind == JsonValueKind.Null)
                    {
                        break;
                    }

                    if (value.ValueKind != JsonValueKind.String)
                    {
                        Fail("parent", $"expected a parent slug or null, found {value.GetRawText()}");
                    }
                    else if (!IsValidSlug(value.GetString()!))
                    {
                        Fail("parent", $"'{value.GetString()}' is not a valid slug; expected the slug of another topic");
                    }
                    else
                    {
                        parent = value.GetString();
                    }

                    break;
                case "hashtags":
                    hashtags = ReadList(value, "hashtags", TopicText.NormalizeHashtag, Fail);
                    break;
                case "keywords":
                    keywords = ReadList(value, "keywords", NormalizeKeyword, Fail);
                    break;
                case "domains":
                    domains = ReadList(value, "domains", TopicText.NormalizeDomain, Fail);
                    break;
                default:
                    Fail(property.Name, $"unknown field; expected {ExpectedFields}");
                    break;
            }
        }

        if (slug is null || !IsValidSlug(slug))
        {
            return null;
        }

        // A topic with a bad field is still returned, so that its children do not also report an unknown parent.
        return new TopicEntry(index, slug)
        {
            Rejected = errors.Count > before,
            Id = id,
            Name = name,
            Parent = parent,
            HasParent = hasParent,
            Hashtags = hashtags,
            Keywords = keywords,
            Domains = domains,
        };
    }

    private delegate string? Normalizer(string value, out string? problem);

    private static string? NormalizeKeyword(string keyword, out string? problem)
    {
        var text = keyword.Trim().ToLowerInvariant();
        if (text.StartsWith('#'))
        {
            problem = $"keyword '{keyword}' starts with '#'; put hashtags in \"hashtags\"";
            return null;
        }

        var tokens = TopicText.TokenizeKeyword(text, out problem);
        if (tokens is null)
        {
            problem = $"keyword '{keyword}' {problem}";
            return null;
        }

        return text;
    }

    private static List<string> ReadList(JsonElement value, string field, Normalizer normalize, Action<string?, string> fail)
    {
        var list = new List<string>();
        if (value.ValueKind != JsonValueKind.Array)
        {
            fail(field, $"expected an array of strings, found {Describe(value.ValueKind)}");
            return list;
        }

        var position = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                fail($"{field}[{position}]", $"expected a string, found {Describe(item.ValueKind)}");
            }
            else if (normalize(item.GetString()!, out var problem) is { } normalized)
            {
                if (!list.Contains(normalized, StringComparer.Ordinal))
                {
                    list.Add(normalized);
                }
            }
            else
            {
                fail($"{field}[{position}]", problem!);
            }

            position++;
        }

        return list;
    }

    private static string Describe(JsonValueKind kind) =>
        kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
