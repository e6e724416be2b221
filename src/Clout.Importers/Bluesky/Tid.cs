namespace Clout.Importers.Bluesky;

/// <summary>
/// atproto timestamp identifiers (TIDs): 13 characters of base32-sortable holding microseconds since 1970 and a
/// clock id. Record keys of likes, posts and follows are TIDs, so they date a record whose createdAt is missing.
/// </summary>
internal static class Tid
{
    private const string Alphabet = "234567abcdefghijklmnopqrstuvwxyz";

    public static DateTimeOffset? TryGetTime(string? rkey)
    {
        if (rkey is null || rkey.Length != 13)
        {
            return null;
        }

        ulong value = 0;
        foreach (var c in rkey)
        {
            var v = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (v < 0)
            {
                return null;
            }

            value = (value << 5) | (uint)v;
        }

        // 13 characters carry 65 bits; the top one must be zero, and the next is the sign bit TIDs keep clear.
        if ((value >> 63) != 0 || Alphabet.IndexOf(rkey[0], StringComparison.Ordinal) >= 16)
        {
            return null;
        }

        var micros = (long)(value >> 10);
        return micros <= (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks / 10
            ? DateTimeOffset.UnixEpoch.AddTicks(micros * 10)
            : null;
    }
}
