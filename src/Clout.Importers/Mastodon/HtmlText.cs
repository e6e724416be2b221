using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Clout.Importers.Mastodon;

/// <summary>Mastodon sends post content and bios as HTML; the domain keeps plain text (the HTML stays in Raw when needed).</summary>
internal static partial class HtmlText
{
    public static string? ToText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return html;
        }

        var text = Breaks().Replace(html, "\n");
        text = Tags().Replace(text, "");
        return WebUtility.HtmlDecode(text).Trim().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"<br\s*/?>|</p>\s*<p[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
