using System.Net;
using System.Text;

namespace Clout.Importers.Common;

/// <summary>Plain text from the HTML that feeds and comments carry: tags dropped, entities decoded, spaces collapsed.</summary>
internal static class HtmlText
{
    public static string Strip(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = FindTagEnd(html, i);
                if (end < 0)
                {
                    // A lone '<' is text ("a < b"), not the start of a tag.
                    text.Append(c);
                    i++;
                    continue;
                }

                var tag = html.AsSpan(i + 1, end - i - 1);
                if (IsBlock(tag))
                {
                    text.Append(' ');
                }

                i = SkipElementBody(html, end + 1, tag);
                continue;
            }

            text.Append(c);
            i++;
        }

        return Collapse(WebUtility.HtmlDecode(text.ToString()));
    }

    /// <summary>Collapses runs of white space into single spaces and trims the ends.</summary>
    public static string Collapse(string s)
    {
        var b = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = b.Length > 0;
                continue;
            }

            if (space)
            {
                b.Append(' ');
                space = false;
            }

            b.Append(c);
        }

        return b.ToString();
    }

    private static int FindTagEnd(string html, int start)
    {
        if (start + 1 >= html.Length)
        {
            return -1;
        }

        var next = html[start + 1];
        if (!(char.IsAsciiLetter(next) || next is '/' or '!' or '?'))
        {
            return -1;
        }

        if (html.AsSpan(start).StartsWith("<!--"))
        {
            var close = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length - 1 : close + 2;
        }

        var end = html.IndexOf('>', start + 1);
        return end;
    }

    // Script and style bodies are code, not text.
    private static int SkipElementBody(string html, int from, ReadOnlySpan<char> tag)
    {
        foreach (var name in (ReadOnlySpan<string>)["script", "style"])
        {
            if (tag.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (tag.Length == name.Length || !char.IsAsciiLetter(tag[name.Length])))
            {
                var close = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
                if (close < 0)
                {
                    return html.Length;
                }

                var gt = html.IndexOf('>', close);
                return gt < 0 ? html.Length : gt + 1;
            }
        }

        return from;
    }

    private static bool IsBlock(ReadOnlySpan<char> tag)
    {
        var t = tag.TrimStart('/');
        var n = 0;
        while (n < t.Length && char.IsAsciiLetterOrDigit(t[n]))
        {
            n++;
        }

        var name = t[..n];
        foreach (var block in (ReadOnlySpan<string>)["p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td", "th", "table", "figure", "hr", "section", "article"])
        {
            if (name.Equals(block, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
