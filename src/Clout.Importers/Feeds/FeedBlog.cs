namespace Clout.Importers.Feeds;

/// <summary>How a blog is named on the <c>blog</c> network: its site link as an absolute URL, the host as handle.</summary>
internal static class FeedBlog
{
    /// <summary>
    /// A URL in one canonical spelling (lower-case scheme and host, "/" for an empty path) so that the feed and the
    /// WordPress export of one blog give the same id; anything that is not an absolute http(s) URL is kept as written.
    /// </summary>
    public static string Normalize(string link)
    {
        var s = link.Trim();
        return Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : s;
    }

    public static string? Host(string id) =>
        Uri.TryCreate(id, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : null;

    /// <summary>Resolves a link relative to the feed's base (links such as "/2024/01/post" in some feeds).</summary>
    public static string? Absolute(string? link, string? baseLink)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        var s = link.Trim();
        if (Uri.TryCreate(s, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return s;
        }

        return baseLink is not null && Uri.TryCreate(baseLink, UriKind.Absolute, out var b) && Uri.TryCreate(b, s, out var resolved)
            ? resolved.AbsoluteUri
            : s;
    }
}
