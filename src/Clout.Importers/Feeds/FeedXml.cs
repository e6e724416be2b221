using System.Xml;
using System.Xml.Linq;

namespace Clout.Importers.Feeds;

/// <summary>
/// Safe, streaming XML for feeds and WordPress exports: DTDs are refused (no entity expansion, no external
/// fetches) and the children of the channel are loaded one at a time, each with its line number.
/// </summary>
internal static class FeedXml
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Slash = "http://purl.org/rss/1.0/modules/slash/";
    public static readonly XNamespace Wfw = "http://wellformedweb.org/CommentAPI/";
    public static readonly XNamespace Thread = "http://purl.org/syndication/thread/1.0";

    public static XmlReader Open(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    });

    /// <summary>
    /// The child elements of the element the reader is on, each loaded whole; a child for which
    /// <paramref name="descend"/> is true is not loaded but walked into, so a channel of many items streams.
    /// </summary>
    public static IEnumerable<XElement> Children(XmlReader reader, Func<XmlReader, bool> descend)
    {
        if (reader.IsEmptyElement)
        {
            yield break;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (descend(reader))
            {
                foreach (var inner in Children(reader, descend))
                {
                    yield return inner;
                }

                reader.Read();
                continue;
            }

            XElement element;
            using (var subtree = reader.ReadSubtree())
            {
                element = XElement.Load(subtree, LoadOptions.SetLineInfo);
            }

            reader.Read();
            yield return element;
        }
    }

    public static int Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>The trimmed text of a child element, or null when it is absent or blank.</summary>
    public static string? Text(XElement parent, XName name) =>
        parent.Element(name) is { } e && e.Value.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>A short, readable name of an element for error messages, such as <c>dc:date</c>.</summary>
    public static string Name(XElement e)
    {
        var prefix = e.GetPrefixOfNamespace(e.Name.Namespace);
        return string.IsNullOrEmpty(prefix) ? e.Name.LocalName : $"{prefix}:{e.Name.LocalName}";
    }
}
