namespace Clout.Core.Domain;

/// <summary>Days are counted in UTC from 1970-01-01; roll-ups and windows use these numbers.</summary>
public static class DayNumber
{
    private static readonly DateOnly Epoch = new(1970, 1, 1);

    public static int Of(DateOnly day) => day.DayNumber - Epoch.DayNumber;

    public static int Of(DateTimeOffset time) => (int)Math.Floor(time.ToUnixTimeSeconds() / 86400.0);

    public static int OfUnixSeconds(long seconds) => (int)Math.Floor(seconds / 86400.0);

    public static DateOnly ToDate(int day) => Epoch.AddDays(day);
}
