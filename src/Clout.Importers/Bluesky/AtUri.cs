namespace Clout.Importers.Bluesky;

/// <summary>
/// The parts of an <c>at://AUTHORITY/COLLECTION/RKEY</c> URI Clout needs: the authority must be a DID, since it is
/// the id of the account the URI's record belongs to (handles change; DIDs do not).
/// </summary>
internal readonly record struct AtUri(string Did, string Collection, string Rkey)
{
    public static string Of(string did, string collection, string rkey) => $"at://{did}/{collection}/{rkey}";

    public static bool TryParse(string? text, out AtUri uri)
    {
        uri = default;
        if (text is null || !text.StartsWith("at://did:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[5..].Split('/');
        if (parts.Length != 3 || parts[0].Length <= 4 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        uri = new AtUri(parts[0], parts[1], parts[2]);
        return true;
    }
}
