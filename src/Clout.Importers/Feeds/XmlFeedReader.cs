using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Feeds;

/// <summary>RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0, streamed item by item.</summary>
internal sealed class XmlFeedReader(string source, ImportOptions options, DateOnly today)
{
    private enum Kind
    {
        Rss2,
        Rss1,
        Atom,
    }

    private readonly FeedHeader header = new();
    private readonly List<(string Post, long Count)> comments = [];
    private string? blog;

    public IEnumerable<ImportItem> Read(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = FeedXml.Open(stream);
        Kind kind;
        IEnumerator<XElement> children;
        ImportItem? failure = null;
        try
        {
            reader.MoveToContent();
            (kind, failure) = Detect(reader);
            children = FeedXml.Children(reader, r => kind == Kind.Rss2 && r.Depth == 1 && r.LocalName == "channel" && r.NamespaceURI.Length == 0).GetEnumerator();
        }
        catch (XmlException e)
        {
            kind = default;
            children = Enumerable.Empty<XElement>().GetEnumerator();
            failure = NotXml(e);
        }

        if (failure is { } f)
        {
            yield return f;
            yield break;
        }

        using (children)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                XElement element;
                try
                {
                    if (!children.MoveNext())
                    {
                        break;
                    }

                    element = children.Current;
                }
                catch (XmlException e)
                {
                    failure = NotXml(e);
                    break;
                }

                var isItem = kind switch
                {
                    Kind.Atom => element.Name == FeedXml.Atom + "entry",
                    Kind.Rss1 => element.Name == FeedXml.Rss1 + "item",
                    _ => element.Name == "item",
                };
                if (!isItem)
                {
                    Header(kind, element);
                    continue;
                }

                if (blog is null)
                {
                    blog = header.BlogId();
                    if (blog is null)
                    {
                        yield return Fail(FeedXml.Line(element), "link", "the feed names no site link, feed URL or id before its first item; expected a channel <link> or an Atom <id>");
                        yield break;
                    }

                    yield return ImportItem.Ok(header.Account(blog, options.Person));
                }

                yield return Item(kind, element);
            }
        }

        if (failure is { } late)
        {
            yield return late;
            yield break;
        }

        if (blog is null && header.BlogId() is { } id)
        {
            blog = id;
            yield return ImportItem.Ok(header.Account(blog, options.Person));
        }

        if (blog is not null && comments.Count > 0)
        {
            var tally = new MetricsTally(Network.Blog);
            var date = header.Updated is { } u ? DateOnly.FromDateTime(u.UtcDateTime) : options.SnapshotDate ?? today;
            foreach (var (post, count) in comments)
            {
                tally.Post(blog, date, post, (ActionKind.Comment, count));
            }

            foreach (var metrics in tally.Records())
            {
                yield return ImportItem.Ok(metrics);
            }
        }
    }

    private (Kind Kind, ImportItem? Failure) Detect(XmlReader reader)
    {
        var line = reader is IXmlLineInfo info ? info.LineNumber : 0;
        if (reader.NodeType == XmlNodeType.Element)
        {
            if (reader.LocalName == "rss" && reader.NamespaceURI.Length == 0)
            {
                return (Kind.Rss2, null);
            }

            if (reader.LocalName == "RDF" && reader.NamespaceURI == FeedXml.Rdf.NamespaceName)
            {
                return (Kind.Rss1, null);
            }

            if (reader.LocalName == "feed" && reader.NamespaceURI == FeedXml.Atom.NamespaceName)
            {
                return (Kind.Atom, null);
            }
        }

        var found = reader.NodeType == XmlNodeType.Element ? $"<{reader.Name}>" : "no root element";
        return (default, Fail(line, null, $"found {found}; expected an RSS (<rss>), RSS 1.0 (<rdf:RDF>) or Atom (<feed xmlns=\"{FeedXml.Atom.NamespaceName}\">) feed"));
    }

    private void Header(Kind kind, XElement e)
    {
        switch (kind)
        {
            case Kind.Atom:
                AtomHeader(e);
                break;
            case Kind.Rss1 when e.Name == FeedXml.Rss1 + "channel":
                header.Title ??= Plain(FeedXml.Text(e, FeedXml.Rss1 + "title"));
                header.SiteLink ??= FeedXml.Text(e, FeedXml.Rss1 + "link");
                header.Description ??= Plain(FeedXml.Text(e, FeedXml.Rss1 + "description"));
                header.FeedId ??= (string?)e.Attribute(FeedXml.Rdf + "about");
                header.Updated ??= Date(FeedXml.Text(e, FeedXml.Dc + "date"));
                break;
            case Kind.Rss2:
                if (e.Name == "title")
                {
                    header.Title ??= Plain(e.Value);
                }
                else if (e.Name == "link" && e.Value.Trim().Length > 0)
                {
                    header.SiteLink ??= e.Value.Trim();
                }
                else if (e.Name == "description")
                {
                    header.Description ??= Plain(e.Value);
                }
                else if (e.Name == "lastBuildDate" || (e.Name == "pubDate" && header.Updated is null))
                {
                    header.Updated = Date(e.Value) ?? header.Updated;
                }
                else if (e.Name == FeedXml.Atom + "link" && (string?)e.Attribute("rel") == "self")
                {
                    header.SelfLink ??= (string?)e.Attribute("href");
                }
                else if (e.Name == "generator" || e.Name == "language")
                {
                    header.Extra[e.Name.LocalName] = e.Value.Trim();
                }

                break;
        }
    }

    private void AtomHeader(XElement e)
    {
        if (e.Name == FeedXml.Atom + "title")
        {
            header.Title ??= AtomText(e);
        }
        else if (e.Name == FeedXml.Atom + "subtitle")
        {
            header.Description ??= AtomText(e);
        }
        else if (e.Name == FeedXml.Atom + "id")
        {
            header.FeedId ??= e.Value.Trim();
        }
        else if (e.Name == FeedXml.Atom + "updated")
        {
            header.Updated ??= Date(e.Value);
        }
        else if (e.Name == FeedXml.Atom + "link")
        {
            var rel = (string?)e.Attribute("rel") ?? "alternate";
            if (rel == "alternate")
            {
                header.SiteLink ??= (string?)e.Attribute("href");
            }
            else if (rel == "self")
            {
                header.SelfLink ??= (string?)e.Attribute("href");
            }
        }
        else if (e.Name == FeedXml.Atom + "generator")
        {
            header.Extra["generator"] = e.Value.Trim();
        }
    }

    private ImportItem Item(Kind kind, XElement e)
    {
        var line = FeedXml.Line(e);
        try
        {
            return ImportItem.Ok(kind == Kind.Atom ? Entry(e) : RssItem(kind, e));
        }
        catch (WebFieldException x)
        {
            return Fail(line, x.Field, x.Message);
        }
    }

    private PostRecord RssItem(Kind kind, XElement e)
    {
        XNamespace ns = kind == Kind.Rss1 ? FeedXml.Rss1 : XNamespace.None;
        var link = FeedBlog.Absolute(FeedXml.Text(e, ns + "link"), header.SiteLink);
        var id = FeedXml.Text(e, "guid") ?? (string?)e.Attribute(FeedXml.Rdf + "about") ?? link
            ?? throw new WebFieldException("guid", "the item has no guid, rdf:about or link; expected one of them to identify the post");
        var time = ItemTime(e.Element("pubDate"), e.Element(FeedXml.Dc + "date"));
        var title = Plain(FeedXml.Text(e, ns + "title"));
        var summary = HtmlText.Strip(FeedXml.Text(e, ns + "description") ?? FeedXml.Text(e, FeedXml.Content + "encoded"));

        var raw = new JsonObject();
        Strings(raw, "authors", e.Elements(FeedXml.Dc + "creator").Concat(e.Elements("author")).Select(a => HtmlText.Collapse(a.Value)));
        Strings(raw, "categories", e.Elements("category").Concat(e.Elements(FeedXml.Dc + "subject")).Select(c => HtmlText.Collapse(c.Value)));
        Put(raw, "comments", FeedXml.Text(e, "comments"));
        Put(raw, "commentRss", FeedXml.Text(e, FeedXml.Wfw + "commentRss"));
        if (e.Element("enclosure") is { } enclosure)
        {
            Put(raw, "enclosure", (string?)enclosure.Attribute("url"));
        }

        CommentCount(id, e.Element(FeedXml.Slash + "comments"), raw);
        return Post(id, time, title, summary, link, raw);
    }

    private PostRecord Entry(XElement e)
    {
        string? link = null;
        foreach (var l in e.Elements(FeedXml.Atom + "link"))
        {
            var rel = (string?)l.Attribute("rel") ?? "alternate";
            if (rel == "alternate")
            {
                link ??= FeedBlog.Absolute((string?)l.Attribute("href"), header.SiteLink);
            }
        }

        var id = FeedXml.Text(e, FeedXml.Atom + "id") ?? link
            ?? throw new WebFieldException("id", "the entry has no id or alternate link; expected one of them to identify the post");
        var time = ItemTime(e.Element(FeedXml.Atom + "published"), e.Element(FeedXml.Atom + "updated"));
        var title = e.Element(FeedXml.Atom + "title") is { } t ? AtomText(t) : null;
        var summary = e.Element(FeedXml.Atom + "summary") ?? e.Element(FeedXml.Atom + "content");
        var raw = new JsonObject();
        Strings(raw, "authors", e.Elements(FeedXml.Atom + "author").Select(a => FeedXml.Text(a, FeedXml.Atom + "name") ?? string.Empty));
        Strings(raw, "categories", e.Elements(FeedXml.Atom + "category").Select(c => (string?)c.Attribute("term") ?? string.Empty));
        Put(raw, "updated", FeedXml.Text(e, FeedXml.Atom + "updated"));
        var replies = e.Elements(FeedXml.Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "replies");
        Put(raw, "commentRss", replies is null ? null : (string?)replies.Attribute("href"));
        var total = e.Element(FeedXml.Thread + "total")
            ?? (replies?.Attribute(FeedXml.Thread + "count") is { } c ? new XElement(FeedXml.Thread + "count", c.Value) : null);
        CommentCount(id, total, raw);
        return Post(id, time, title, summary is null ? string.Empty : AtomText(summary), link, raw);
    }

    private PostRecord Post(string id, DateTimeOffset time, string? title, string summary, string? link, JsonObject raw) =>
        new(Network.Blog, id.Trim(), blog!, time, PostKind.Post)
        {
            Text = string.IsNullOrEmpty(summary) ? title : string.IsNullOrEmpty(title) ? summary : $"{title}\n\n{summary}",
            Url = link,
            Raw = raw.Count == 0 ? null : raw.ToJsonString(WebJson.RawNodes),
        };

    /// <summary>The item's own date, else the feed's date, else the snapshot date.</summary>
    private DateTimeOffset ItemTime(params XElement?[] candidates)
    {
        foreach (var c in candidates)
        {
            if (c is null || c.Value.Trim().Length == 0)
            {
                continue;
            }

            return FeedDates.TryParse(c.Value, out var t)
                ? t
                : throw new WebFieldException(FeedXml.Name(c), $"'{c.Value.Trim()}' (line {FeedXml.Line(c)}) is not a date; expected RFC 822 such as 'Thu, 14 Oct 2021 12:59:53 GMT' or RFC 3339 such as '2021-10-14T12:59:53Z'");
        }

        return header.Updated ?? new DateTimeOffset((options.SnapshotDate ?? today).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    private void CommentCount(string id, XElement? element, JsonObject raw)
    {
        if (element is null)
        {
            return;
        }

        if (CountText(element, element.Value, out var n))
        {
            raw["commentCount"] = n;
            comments.Add((id.Trim(), n));
        }
    }

    private static bool CountText(XObject node, string text, out long n)
    {
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            return true;
        }

        var name = node is XElement e ? FeedXml.Name(e) : "count";
        throw new WebFieldException(name, $"'{text.Trim()}' (line {FeedXml.Line(node)}) is not a comment count; expected a whole number of 0 or more");
    }

    private static DateTimeOffset? Date(string? text) => FeedDates.TryParse(text, out var t) ? t : null;

    private static string? Plain(string? text) => text is null ? null : HtmlText.Strip(text);

    /// <summary>An Atom text construct: type="html" is escaped HTML, "xhtml" is inline markup, "text" is plain.</summary>
    private static string AtomText(XElement e) => (string?)e.Attribute("type") switch
    {
        "html" => HtmlText.Strip(e.Value),
        _ => HtmlText.Collapse(e.Value),
    };

    private static void Strings(JsonObject raw, string name, IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var v in values)
        {
            if (v.Length > 0)
            {
                array.Add(v);
            }
        }

        if (array.Count > 0)
        {
            raw[name] = array;
        }
    }

    private static void Put(JsonObject raw, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            raw[name] = value.Trim();
        }
    }

    private ImportItem NotXml(XmlException e) =>
        Fail(e.LineNumber, null, $"not well-formed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message.Split(" Line ", 2)[0]}; expected an RSS or Atom feed");

    private ImportItem Fail(long line, string? field, string message) => ImportItem.Fail(new ImportError(source, line, field, message));
}
