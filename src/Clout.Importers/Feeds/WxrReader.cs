using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Feeds;

/// <summary>Reads one WXR file, item by item. Comment authors' e-mail addresses are hashed and never kept.</summary>
internal sealed class WxrReader(string source, ImportOptions options, DateOnly today)
{
    private static readonly string[] ImportedTypes = ["post", "page"];

    private readonly FeedHeader header = new();
    private readonly Dictionary<string, string> authorIds = new(StringComparer.Ordinal);
    private readonly JsonArray authors = [];
    private readonly HashSet<string> commenters = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> skipped = new(StringComparer.Ordinal);
    private XNamespace wp = "http://wordpress.org/export/1.2/";
    private XNamespace excerpt = "http://wordpress.org/export/1.2/excerpt/";
    private string? blog;
    private string? blogHost;
    private long published;

    public IEnumerable<ImportItem> Read(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = FeedXml.Open(stream);
        IEnumerator<XElement> children = Enumerable.Empty<XElement>().GetEnumerator();
        ImportItem? failure = null;
        try
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "rss" || reader.NamespaceURI.Length != 0)
            {
                failure = Fail(reader is IXmlLineInfo info ? info.LineNumber : 0, null, $"found <{reader.Name}>; expected a WordPress export: <rss> with xmlns:wp=\"http://wordpress.org/export/1.2/\"");
            }
            else
            {
                // The wp namespace carries the WXR version (1.0, 1.1, 1.2): use whichever the file declares.
                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    if (reader.Prefix == "xmlns" && reader.Value.StartsWith("http://wordpress.org/export/", StringComparison.Ordinal))
                    {
                        if (reader.LocalName == "wp")
                        {
                            wp = reader.Value;
                        }
                        else if (reader.LocalName == "excerpt")
                        {
                            excerpt = reader.Value;
                        }
                    }
                }

                reader.MoveToElement();
                children = FeedXml.Children(reader, r => r.Depth == 1 && r.LocalName == "channel" && r.NamespaceURI.Length == 0).GetEnumerator();
            }
        }
        catch (XmlException e)
        {
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

                if (element.Name != "item")
                {
                    Header(element);
                    continue;
                }

                if (blog is null)
                {
                    if (Blog() is { } account)
                    {
                        yield return account;
                    }
                    else
                    {
                        yield return Fail(FeedXml.Line(element), "link", "the export names no site before its first item; expected the channel's <link> or <wp:base_blog_url>");
                        yield break;
                    }
                }

                foreach (var item in Item(element))
                {
                    yield return item;
                }
            }
        }

        if (failure is { } late)
        {
            yield return late;
            yield break;
        }

        if (blog is null && Blog() is { } empty)
        {
            yield return empty;
        }

        if (blog is not null)
        {
            var raw = new JsonObject();
            if (skipped.Count > 0)
            {
                var counts = new JsonObject();
                foreach (var (reason, count) in skipped)
                {
                    counts[reason] = count;
                }

                raw["notImported"] = counts;
            }

            var date = header.Updated is { } u ? DateOnly.FromDateTime(u.UtcDateTime) : options.SnapshotDate ?? today;
            yield return ImportItem.Ok(new MetricsRecord(Network.Blog, blog, date)
            {
                Posts = published,
                Raw = raw.Count == 0 ? null : raw.ToJsonString(WebJson.RawNodes),
            });
        }
    }

    private ImportItem? Blog()
    {
        var id = header.BlogId();
        if (id is null)
        {
            return null;
        }

        blog = id;
        blogHost = FeedBlog.Host(id) ?? id;
        if (authors.Count > 0)
        {
            header.Extra["authors"] = authors;
        }

        return ImportItem.Ok(header.Account(id, options.Person));
    }

    private void Header(XElement e)
    {
        if (e.Name == "title")
        {
            header.Title ??= HtmlText.Collapse(e.Value);
        }
        else if (e.Name == "link" && e.Value.Trim().Length > 0)
        {
            header.SiteLink ??= e.Value.Trim();
        }
        else if (e.Name == "description")
        {
            header.Description ??= HtmlText.Collapse(e.Value);
        }
        else if (e.Name == "pubDate")
        {
            // The time the export was made.
            header.Updated = FeedDates.TryParse(e.Value, out var t) ? t : header.Updated;
        }
        else if (e.Name == wp + "base_blog_url")
        {
            header.FeedId ??= e.Value.Trim();
        }
        else if (e.Name == wp + "wxr_version" || e.Name == "language" || e.Name == "generator")
        {
            header.Extra[e.Name.LocalName] = e.Value.Trim();
        }
        else if (e.Name == wp + "author")
        {
            // Authors are the blog itself; only their public names are kept, never their e-mail addresses.
            var id = FeedXml.Text(e, wp + "author_id");
            var login = FeedXml.Text(e, wp + "author_login");
            if (id is not null)
            {
                authorIds[id] = login ?? id;
            }

            authors.Add(new JsonObject { ["login"] = login, ["name"] = FeedXml.Text(e, wp + "author_display_name") });
        }
    }

    private IEnumerable<ImportItem> Item(XElement e)
    {
        var type = FeedXml.Text(e, wp + "post_type") ?? "post";
        var status = FeedXml.Text(e, wp + "status") ?? "publish";
        if (Array.IndexOf(ImportedTypes, type) < 0 || status != "publish")
        {
            var reason = Array.IndexOf(ImportedTypes, type) < 0 ? type : status;
            skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
            return [];
        }

        var items = new List<ImportItem>();
        try
        {
            items.Add(ImportItem.Ok(Post(e, type, out var postId, out var link)));
            published++;
            Comments(e, postId, link, items);
        }
        catch (WebFieldException x)
        {
            items.Add(Fail(FeedXml.Line(e), x.Field, x.Message));
        }

        return items;
    }

    private PostRecord Post(XElement e, string type, out string id, out string? link)
    {
        link = FeedBlog.Absolute(FeedXml.Text(e, "link"), header.SiteLink);
        var wpId = FeedXml.Text(e, wp + "post_id");
        id = FeedXml.Text(e, "guid") ?? link ?? (wpId is null ? null : $"{blog}?p={wpId}")
            ?? throw new WebFieldException("guid", "the item has no guid, link or wp:post_id; expected one of them to identify the post");
        var time = Time(e, wp + "post_date_gmt", "pubDate", wp + "post_date")
            ?? throw new WebFieldException("wp:post_date_gmt", "is missing, and so are pubDate and wp:post_date; expected the publication time");
        var title = HtmlText.Collapse(FeedXml.Text(e, "title") ?? string.Empty);
        var body = HtmlText.Strip(FeedXml.Text(e, excerpt + "encoded") ?? FeedXml.Text(e, FeedXml.Content + "encoded"));
        var raw = new JsonObject { ["postType"] = type };
        if (wpId is not null)
        {
            raw["postId"] = wpId;
        }

        var creators = new JsonArray();
        foreach (var c in e.Elements(FeedXml.Dc + "creator"))
        {
            creators.Add(c.Value.Trim());
        }

        if (creators.Count > 0)
        {
            raw["authors"] = creators;
        }

        var categories = new JsonArray();
        foreach (var c in e.Elements("category"))
        {
            categories.Add(new JsonObject { ["domain"] = (string?)c.Attribute("domain"), ["name"] = c.Value.Trim() });
        }

        if (categories.Count > 0)
        {
            raw["categories"] = categories;
        }

        return new PostRecord(Network.Blog, id, blog!, time, PostKind.Post)
        {
            Text = body.Length == 0 ? title : title.Length == 0 ? body : $"{title}\n\n{body}",
            Url = link,
            Raw = raw.ToJsonString(WebJson.RawNodes),
        };
    }

    /// <summary>
    /// Approved comments become a commenter account, a reply post and a comment action on the blog, or on the author
    /// of the approved comment they answer. Pending, spam and trashed comments, pingbacks and trackbacks are skipped.
    /// </summary>
    private void Comments(XElement item, string postId, string? postLink, List<ImportItem> items)
    {
        var approved = new Dictionary<string, (string Post, string Actor)>(StringComparer.Ordinal);
        var comments = new List<(XElement Element, string Id, string Actor)>();
        foreach (var c in item.Elements(wp + "comment"))
        {
            var id = FeedXml.Text(c, wp + "comment_id");
            var type = FeedXml.Text(c, wp + "comment_type") ?? "comment";
            if (FeedXml.Text(c, wp + "comment_approved") != "1" || type is not "comment" || id is null)
            {
                var reason = id is null ? "comment without id" : type is not "comment" ? type : "unapproved comment";
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
                continue;
            }

            var actor = Commenter(c);
            approved[id] = ($"{postId}#comment-{id}", actor);
            comments.Add((c, id, actor));
        }

        foreach (var (c, id, actor) in comments)
        {
            DateTimeOffset? time;
            try
            {
                time = Time(c, wp + "comment_date_gmt", wp + "comment_date")
                    ?? throw new WebFieldException("wp:comment_date_gmt", $"comment {id} has no date; expected 'YYYY-MM-DD hh:mm:ss' in wp:comment_date_gmt or wp:comment_date");
            }
            catch (WebFieldException x)
            {
                items.Add(Fail(FeedXml.Line(c), x.Field, x.Message));
                continue;
            }

            var parentId = FeedXml.Text(c, wp + "comment_parent");
            var hasParent = parentId is not null and not "0" && approved.ContainsKey(parentId);
            var (parentPost, target) = hasParent ? approved[parentId!] : (postId, blog!);
            var commentPost = approved[id].Post;
            if (actor != blog && commenters.Add(actor))
            {
                items.Add(ImportItem.Ok(new AccountRecord(Network.Blog, actor)
                {
                    Name = FeedXml.Text(c, wp + "comment_author"),
                    Url = Url(FeedXml.Text(c, wp + "comment_author_url")),
                }));
            }

            items.Add(ImportItem.Ok(new PostRecord(Network.Blog, commentPost, actor, time.Value, PostKind.Reply)
            {
                Text = HtmlText.Strip(FeedXml.Text(c, wp + "comment_content")),
                Url = postLink is null ? null : $"{postLink}#comment-{id}",
                Parent = parentPost,
                Raw = new JsonObject { ["commentId"] = id }.ToJsonString(WebJson.RawNodes),
            }));
            if (actor != target)
            {
                items.Add(ImportItem.Ok(new ActionRecord(Network.Blog, commentPost, ActionKind.Comment, actor, target, time.Value) { Post = parentPost }));
            }
        }
    }

    /// <summary>
    /// The blog itself for its own authors; else <c>comment-author:</c> and the SHA-256 of the lower-cased e-mail,
    /// or the author's URL, or the name scoped to this blog's host (a bare name says nothing outside it).
    /// </summary>
    private string Commenter(XElement c)
    {
        if (FeedXml.Text(c, wp + "comment_user_id") is { } user and not "0" && authorIds.ContainsKey(user))
        {
            return blog!;
        }

        if (FeedXml.Text(c, wp + "comment_author_email") is { } email && email.Contains('@', StringComparison.Ordinal))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
            return "comment-author:" + Convert.ToHexStringLower(hash);
        }

        if (Url(FeedXml.Text(c, wp + "comment_author_url")) is { } url)
        {
            return "comment-author:" + FeedBlog.Normalize(url);
        }

        var name = FeedXml.Text(c, wp + "comment_author") ?? "anonymous";
        return $"comment-author:{name}@{blogHost}";
    }

    private static string? Url(string? text) =>
        text is not null && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? text.Trim() : null;

    /// <summary>The first usable time among the candidates: WordPress writes "0000-00-00 00:00:00" for none.</summary>
    private static DateTimeOffset? Time(XElement e, params XName[] names)
    {
        foreach (var name in names)
        {
            var text = FeedXml.Text(e, name);
            if (text is null || text.StartsWith("0000", StringComparison.Ordinal))
            {
                continue;
            }

            if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                || FeedDates.TryParse(text, out t))
            {
                return t;
            }

            throw new WebFieldException(name.LocalName == "pubDate" ? "pubDate" : "wp:" + name.LocalName, $"'{text}' (line {FeedXml.Line(e.Element(name)!)}) is not a date; expected 'YYYY-MM-DD hh:mm:ss' or RFC 822");
        }

        return null;
    }

    private ImportItem NotXml(XmlException e) =>
        Fail(e.LineNumber, null, $"not well-formed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message.Split(" Line ", 2)[0]}; expected a WordPress export");

    private ImportItem Fail(long line, string? field, string message) => ImportItem.Fail(new ImportError(source, line, field, message));
}
