using System.Globalization;
using System.Text.RegularExpressions;

namespace Clout.Importers.Feeds;

/// <summary>
/// The dates real feeds write: RFC 3339 / ISO 8601 (Atom, JSON Feed, dc:date, including date-only) and RFC 822
/// (RSS pubDate) with numeric or named zones, optional weekday and seconds, two-digit years and full month names.
/// A time without a zone is taken as UTC.
/// </summary>
internal static partial class FeedDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (IsoStart().IsMatch(s))
        {
            return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
        }

        return TryRfc822(s, out time);
    }

    private static bool TryRfc822(string s, out DateTimeOffset time)
    {
        time = default;
        var m = Rfc822().Match(s);
        if (!m.Success)
        {
            return false;
        }

        var monthText = m.Groups["month"].Value.ToLowerInvariant();
        var month = Array.IndexOf(Months, monthText[..3]) + 1;
        if (month == 0)
        {
            return false;
        }

        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["year"].Value.Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }

        var hour = int.Parse(m.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["minute"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["second"].Success ? int.Parse(m.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        if (!TryZone(m.Groups["zone"].Value, out var offset)
            || day is < 1 or > 31 || hour > 23 || minute > 59 || second > 60 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        // A leap second (:60) is folded into the next minute.
        time = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset).AddSeconds(second == 60 ? 1 : 0).ToUniversalTime();
        return true;
    }

    private static bool TryZone(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.Length == 0)
        {
            return true;
        }

        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            if (digits.Length != 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm) || hhmm % 100 > 59)
            {
                return false;
            }

            offset = new TimeSpan(hhmm / 100, hhmm % 100, 0) * (zone[0] == '-' ? -1 : 1);
            return true;
        }

        int? hours = zone.ToUpperInvariant() switch
        {
            "GMT" or "UT" or "UTC" or "Z" or "WET" => 0,
            "EST" => -5,
            "EDT" => -4,
            "CST" => -6,
            "CDT" => -5,
            "MST" => -7,
            "MDT" => -6,
            "PST" => -8,
            "PDT" => -7,
            "AKST" => -9,
            "AKDT" => -8,
            "HST" => -10,
            "BST" or "CET" or "WEST" => 1,
            "CEST" or "EET" => 2,
            "EEST" or "MSK" => 3,
            "JST" or "KST" => 9,
            "AEST" => 10,
            "AEDT" => 11,
            "NZST" => 12,
            "NZDT" => 13,

            // RFC 822's military zones were defined with the wrong sign; RFC 2822 says to read them as UTC.
            { Length: 1 } z when char.IsAsciiLetter(z[0]) => 0,
            _ => null,
        };
        if (hours is null)
        {
            return false;
        }

        offset = TimeSpan.FromHours(hours.Value);
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}")]
    private static partial Regex IsoStart();

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<day>\d{1,2})[\s-]+(?<month>[A-Za-z]{3,9})\.?[\s-]+(?<year>\d{4}|\d{2})\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?(?:\.\d+)?\s*(?<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?$")]
    private static partial Regex Rfc822();
}
