using Clout.Core.Domain;

namespace Clout.Application.Identity;

/// <summary>Reads the <c>NETWORK:ACCOUNT</c> form users type, with errors that say which part is wrong.</summary>
public static class AccountAddress
{
    /// <summary>
    /// Parses <paramref name="text"/> as <c>NETWORK:ACCOUNT</c>; <paramref name="input"/> names where it came from
    /// (an argument, a field) in the error. Throws <see cref="ArgumentException"/> when it does not parse.
    /// </summary>
    public static AccountKey Parse(string? text, string input)
    {
        var t = text?.Trim() ?? string.Empty;
        const string Example = "such as x:12345, mastodon:alice@mastodon.social or bluesky:did:plc:abc123";
        if (t.Length == 0)
        {
            throw new ArgumentException($"{input} is empty; expected NETWORK:ACCOUNT, {Example}");
        }

        var colon = t.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new ArgumentException($"{input} '{t}' has no network; expected NETWORK:ACCOUNT, {Example}");
        }

        var name = t[..colon];
        if (!NetworkNames.TryParse(name, out var network))
        {
            throw new ArgumentException($"{input} '{t}' names the network '{name}', which is not a network; expected one of {NetworkNames.Expected}");
        }

        var id = t[(colon + 1)..].Trim();
        if (id.Length == 0)
        {
            throw new ArgumentException($"{input} '{t}' has no account after the colon; expected NETWORK:ACCOUNT, {Example}");
        }

        if (id.Any(char.IsControl))
        {
            throw new ArgumentException($"{input} '{t}' has a control character in the account; expected the account id as its network writes it");
        }

        return new AccountKey(network, id);
    }
}
