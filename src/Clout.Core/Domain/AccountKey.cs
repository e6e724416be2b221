namespace Clout.Core.Domain;

/// <summary>An account as its network names it: ids are strings unique per network.</summary>
public readonly record struct AccountKey(Network Network, string Id)
{
    public override string ToString() => $"{Network.Name()}:{Id}";

    public static bool TryParse(string text, out AccountKey key)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < text.Length - 1 && NetworkNames.TryParse(text[..colon], out var network))
        {
            key = new AccountKey(network, text[(colon + 1)..]);
            return true;
        }

        key = default;
        return false;
    }
}
