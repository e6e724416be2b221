using System.Text.Json;
using System.Text.Json.Nodes;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Feeds;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).</summary>
internal sealed class JsonFeedReader(string source, ReadOnlyMemory<byte> json, ImportOptions options, DateOnly today)
{
    private static readonly HashSet<string> ItemModelled =
        ["id", "url", "title", "content_text", "content_html", "summary", "date_published", "date_modified"];

    public IEnumerable<ImportItem> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || WebJson.String(root, "version") is not { } version
            || !version.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal))
        {
            yield return Fail("$.version", "expected a JSON Feed with \"version\": \"https://jsonfeed.org/version/1.1\"");
            yield break;
        }

        var header = new FeedHeader
        {
            Title = WebJson.String(root, "title"),
            SiteLink = WebJson.String(root, "home_page_url"),
            SelfLink = WebJson.String(root, "feed_url"),
            Description = WebJson.String(root, "description"),
        };
        if (WebJson.Value(root, "authors") is { ValueKind: JsonValueKind.Array } authors)
        {
            header.Extra["authors"] = JsonNode.Parse(authors.GetRawText());
        }

        if (header.BlogId() is not { } blog)
        {
            yield return Fail("$.home_page_url", "is missing, and so is feed_url; expected the blog's URL");
            yield break;
        }

        yield return ImportItem.Ok(header.Account(blog, options.Person));
        if (WebJson.Array(root, "items") is not { } items)
        {
            yield return Fail("$.items", "is missing; expected the feed's array of items");
            yield break;
        }

        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"$.items[{i++}]";
            ImportItem result;
            try
            {
                result = ImportItem.Ok(Item(item, path, blog, header.SiteLink));
            }
            catch (WebFieldException e)
            {
                result = Fail(e.Field, e.Message);
            }

            yield return result;
        }
    }

    private PostRecord Item(JsonElement item, string path, string blog, string? site)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new WebFieldException(path, $"expected an item object, found {WebJson.Describe(item.ValueKind)}");
        }

        var url = FeedBlog.Absolute(WebJson.String(item, "url"), site);

        // Version 1.0 allowed numeric ids.
        var id = WebJson.Value(item, "id") is { ValueKind: JsonValueKind.String or JsonValueKind.Number } idValue
            ? idValue.ToString()
            : url ?? throw new WebFieldException($"{path}.id", "is missing, and so is url; expected one of them to identify the post");
        var time = Time(item, path, "date_published") ?? Time(item, path, "date_modified")
            ?? new DateTimeOffset((options.SnapshotDate ?? today).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var title = WebJson.String(item, "title");
        var summary = WebJson.String(item, "summary") ?? WebJson.String(item, "content_text") ?? HtmlText.Strip(WebJson.String(item, "content_html"));
        summary = HtmlText.Collapse(summary);
        return new PostRecord(Network.Blog, id, blog, time, PostKind.Post)
        {
            Text = string.IsNullOrEmpty(summary) ? title : string.IsNullOrEmpty(title) ? summary : $"{title}\n\n{summary}",
            Url = url,
            Raw = WebJson.Compact(item, ItemModelled),
        };
    }

    /// <summary>RFC 3339 per the spec; some feeds write RFC 822, which is accepted too.</summary>
    private static DateTimeOffset? Time(JsonElement item, string path, string name)
    {
        if (WebJson.Value(item, name) is not { } v || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String && FeedDates.TryParse(v.GetString(), out var t)
            ? t
            : throw new WebFieldException($"{path}.{name}", $"{(v.ValueKind == JsonValueKind.String ? $"'{v.GetString()}'" : WebJson.Describe(v.ValueKind))} is not a date; expected RFC 3339 such as 2019-05-31T12:17:58-07:00");
    }

    private ImportItem Fail(string field, string message) => ImportItem.Fail(new ImportError(source, JsonPathLines.LineOf(json.Span, field), field, message));
}
