using System.Text.RegularExpressions;

namespace Clout.Importers.Mastodon;

/// <summary>
/// Mastodon accounts are identified as <c>name@instance</c> in lower case, the address users type and the form
/// the follows CSV uses, derived from actor URIs (<c>https://instance/users/name</c>), profile or status URLs
/// (<c>https://instance/@name/123</c>) or an API account's <c>acct</c> plus its instance.
/// </summary>
internal static partial class MastodonAccountIds
{
    /// <summary>The account of an actor, profile or status URI, or null when its path names no account.</summary>
    public static string? FromUri(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var u) || u.Host.Length == 0)
        {
            return null;
        }

        var m = AccountPath().Match(u.AbsolutePath);
        return m.Success ? Make(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, u.Host) : null;
    }

    /// <summary>An API account: a remote <c>acct</c> is already <c>name@instance</c>; a local one takes the instance of its URL.</summary>
    public static string? FromAcct(string? acct, string? url)
    {
        if (string.IsNullOrEmpty(acct))
        {
            return FromUri(url);
        }

        acct = acct.TrimStart('@');
        if (acct.Contains('@', StringComparison.Ordinal))
        {
            return acct.ToLowerInvariant();
        }

        return url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0 ? Make(acct, u.Host) : null;
    }

    /// <summary>An address as written in exports and mention tags: <c>@name@instance</c> or <c>name@instance</c>.</summary>
    public static string? FromAddress(string? address)
    {
        var a = address?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(a))
        {
            return null;
        }

        var at = a.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < a.Length - 1 && a.IndexOf('@', at + 1) < 0 && !a.Contains(' ', StringComparison.Ordinal) ? a.ToLowerInvariant() : null;
    }

    private static string Make(string name, string host) => $"{name}@{host}".ToLowerInvariant();

    // /users/name, /users/name/statuses/1, /@name, /@name/1 (not /ap/users/<number>, which names no account).
    [GeneratedRegex(@"^/(?:users/([A-Za-z0-9_.\-]+)(?:/|$)|@([A-Za-z0-9_.\-]+)(?:/|$))", RegexOptions.CultureInvariant)]
    private static partial Regex AccountPath();
}
