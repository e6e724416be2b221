using System.Globalization;
using System.Text.RegularExpressions;
using Clout.Importers.Common;

namespace Clout.Importers.Twitter;

/// <summary>Twitter's time formats, tweet links and the time encoded in tweet ids.</summary>
internal static partial class TwitterFields
{
    private const long TwitterEpochMs = 1288834974657;

    /// <summary>Parses v1.1 / archive times ("Thu Nov 03 08:50:26 +0000 2022") and v2 ISO 8601 times.</summary>
    public static DateTimeOffset Time(string text, string field)
    {
        if (DateTimeOffset.TryParseExact(text, "ddd MMM dd HH:mm:ss zzz yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var t)
            || LenientJsonFields.TryIsoTime(text, out t))
        {
            return t;
        }

        throw new JsonFieldProblem(field, $"'{text}' is not a time; expected \"Thu Nov 03 08:50:26 +0000 2022\" or ISO 8601");
    }

    /// <summary>
    /// The creation time inside a tweet id (a "snowflake": milliseconds since Twitter's epoch in the bits above 22),
    /// for v2 responses fetched without <c>created_at</c>. Ids from before November 2010 carry no time.
    /// </summary>
    public static DateTimeOffset? SnowflakeTime(string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < (1L << 32))
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((n >> 22) + TwitterEpochMs);
    }

    /// <summary>The author's screen name and the tweet id of a twitter.com / x.com status link, if it is one.</summary>
    public static bool TryStatusLink(string? url, out string screenName, out string tweetId)
    {
        var m = url is null ? Match.Empty : StatusLink().Match(url);
        if (m.Success && !m.Groups[1].Value.Equals("i", StringComparison.OrdinalIgnoreCase))
        {
            screenName = m.Groups[1].Value;
            tweetId = m.Groups[2].Value;
            return true;
        }

        screenName = tweetId = "";
        return false;
    }

    public static string PostUrl(string? screenName, string id) =>
        screenName is null ? $"https://twitter.com/i/web/status/{id}" : $"https://twitter.com/{screenName}/status/{id}";

    [GeneratedRegex(@"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/([A-Za-z0-9_]{1,15})/status(?:es)?/(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLink();
}
