using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Application.Identity;

/// <summary>
/// Links accounts to people, unlinks them, and suggests links found in the data. A person's score is computed over
/// all of their linked accounts from the next score run on.
/// </summary>
public sealed class IdentityService(ICloutStore store)
{
    /// <summary>Longest person id accepted for a new person.</summary>
    public const int MaxPersonLength = 200;

    /// <summary>How messages name the store: its location for the CLI; a server says "the store" instead of a path.</summary>
    public string StoreName { get; init; } = store.Location;

    /// <summary>
    /// Links <paramref name="account"/> (<c>NETWORK:ACCOUNT</c>) to <paramref name="person"/>: an existing person id,
    /// the <c>NETWORK:ACCOUNT</c> or <c>@handle</c> of an account of theirs, or a new person id (created).
    /// </summary>
    public async Task<LinkChange> LinkAsync(string person, string account, CancellationToken cancellationToken = default)
    {
        var key = AccountAddress.Parse(account, "NETWORK:ACCOUNT");
        var current = await FindAccountAsync(key, cancellationToken);
        var target = await ResolvePersonAsync(person, cancellationToken);
        if (string.Equals(current.Person, target, StringComparison.Ordinal))
        {
            return new LinkChange(key, current.Person, target);
        }

        if (!await store.LinkAsync(target, key, cancellationToken))
        {
            throw new KeyNotFoundException(UnknownAccount(key));
        }

        return new LinkChange(key, current.Person, target);
    }

    /// <summary>Makes an account its own person again (it is scored alone from the next score run on).</summary>
    public async Task<LinkChange> UnlinkAsync(string account, CancellationToken cancellationToken = default)
    {
        var key = AccountAddress.Parse(account, "NETWORK:ACCOUNT");
        var current = await FindAccountAsync(key, cancellationToken);
        var own = PersonId.Of(key).Value;
        if (string.Equals(current.Person, own, StringComparison.Ordinal))
        {
            var others = current.Accounts.Where(a => a.Key != key).Select(a => a.Key.ToString()).ToList();
            if (others.Count > 0)
            {
                // The person is named after this account, so it cannot leave it; the others can.
                throw new InvalidOperationException(
                    $"{key} is the account the person {own} is named after; unlink the other accounts instead ({string.Join(", ", others)}), or link them all to a person with its own id first");
            }

            return new LinkChange(key, own, own);
        }

        if (!await store.UnlinkAsync(key, cancellationToken))
        {
            throw new KeyNotFoundException(UnknownAccount(key));
        }

        return new LinkChange(key, current.Person, own);
    }

    /// <summary>Suggestions from the data, strongest first; pairs already linked to one person are left out.</summary>
    public async Task<IReadOnlyList<IdentitySuggestion>> SuggestAsync(SuggestionMatcher matcher, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var accounts = new List<AccountInfo>();
        await foreach (var a in store.GetAccountsAsync(cancellationToken))
        {
            accounts.Add(a);
        }

        return matcher.Match(accounts);
    }

    private async Task<PersonInfo> FindAccountAsync(AccountKey key, CancellationToken cancellationToken) =>
        await store.GetPersonByAccountAsync(key, cancellationToken) ?? throw new KeyNotFoundException(UnknownAccount(key));

    private string UnknownAccount(AccountKey key) =>
        $"no account {key} in {StoreName}; expected an account the store knows (accounts come from clout import)";

    private async Task<string> ResolvePersonAsync(string? person, CancellationToken cancellationToken)
    {
        var text = person?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new ArgumentException("PERSON is empty; expected a person id, the NETWORK:ACCOUNT or @handle of one of their accounts, or a new person id");
        }

        if (await store.GetPersonAsync(text, cancellationToken) is { } existing)
        {
            return existing.Person;
        }

        if (text.StartsWith('@'))
        {
            return (await Explaining.PersonResolver.ResolveAsync(store, text, cancellationToken)).Person;
        }

        if (AccountKey.TryParse(text, out var key))
        {
            // An account's own person id, or an account linked elsewhere: the person it belongs to.
            return (await store.GetPersonByAccountAsync(key, cancellationToken))?.Person ?? throw new KeyNotFoundException(
                $"PERSON '{text}' is written as NETWORK:ACCOUNT but {StoreName} has no account {key}; expected a known account, or a new person id without a network prefix");
        }

        if (text.Length > MaxPersonLength || text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException($"PERSON '{(text.Length > 40 ? text[..40] + "…" : text)}' is not a usable person id; expected up to {MaxPersonLength} characters without spaces or control characters");
        }

        return text; // a new person, created by the link
    }
}
