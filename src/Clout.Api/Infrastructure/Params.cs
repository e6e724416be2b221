using System.Globalization;
using Clout.Core.Domain;

namespace Clout.Api.Infrastructure;

/// <summary>Query parameter parsing with errors that name the parameter and what was expected.</summary>
public static class Params
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 200;

    public static DateOnly? Date(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ArgumentException($"query parameter '{name}' is '{text}'; expected a date as YYYY-MM-DD");
    }

    /// <summary>
    /// A leaderboard's network filter: null for none or <c>all</c>, else the network <paramref name="text"/> names;
    /// false when it names no network (the caller says which parameter was wrong).
    /// </summary>
    public static bool TryNetworkFilter(string? text, out Network? network)
    {
        network = null;
        if (string.IsNullOrWhiteSpace(text) || text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!NetworkNames.TryParse(text, out var n))
        {
            return false;
        }

        network = n;
        return true;
    }

    public static (int Offset, int Limit) Paging(int? offset, int? limit)
    {
        if (offset is < 0)
        {
            throw new ArgumentException($"query parameter 'offset' is {offset}; expected 0 or more");
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentException($"query parameter 'limit' is {limit}; expected 1 to {MaxLimit}");
        }

        return (offset ?? 0, limit ?? DefaultLimit);
    }

    /// <summary>The URL of the next page: the current one with <c>offset</c> moved on.</summary>
    public static string NextPage(HttpRequest request, int offset, int limit)
    {
        var query = request.Query.Where(q => q.Key is not "offset" and not "limit" and not "key")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append(FormattableString.Invariant($"offset={offset + limit}"))
            .Append(FormattableString.Invariant($"limit={limit}"));
        return $"{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }

    /// <summary>
    /// A path segment as the caller meant it. ASP.NET Core decodes every escape in a route value but <c>%2F</c>,
    /// so that an encoded slash cannot split the path; ids that hold slashes (a blog's URL, <c>blog:https://…/</c>)
    /// arrive with it still escaped, and are only found once it is turned back into a slash.
    /// </summary>
    public static string PathSegment(string text) =>
        text.Contains("%2F", StringComparison.OrdinalIgnoreCase)
            ? text.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)
            : text;
}
