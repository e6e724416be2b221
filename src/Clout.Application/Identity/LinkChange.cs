using Clout.Core.Domain;

namespace Clout.Application.Identity;

/// <summary>What a link or unlink did: the account moved from one person to another (or was already there).</summary>
public sealed record LinkChange(AccountKey Account, string From, string To)
{
    public bool Changed => !string.Equals(From, To, StringComparison.Ordinal);
}
