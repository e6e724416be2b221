using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Application.Explaining;

/// <summary>Finds a person from what a user types: a person id, <c>network:account</c>, or a handle (with or without @).</summary>
public static class PersonResolver
{
    public static async Task<PersonInfo> ResolveAsync(ICloutStore store, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (await store.GetPersonAsync(text, cancellationToken) is { } person)
        {
            return person;
        }

        if (AccountKey.TryParse(text, out var key) && await store.GetPersonByAccountAsync(key, cancellationToken) is { } byAccount)
        {
            return byAccount;
        }

        var handle = text.TrimStart('@');
        var matches = await store.SearchPeopleAsync(handle, 5, cancellationToken);
        var exact = matches.Where(m => m.Accounts.Any(a => string.Equals(a.Handle, handle, StringComparison.OrdinalIgnoreCase))).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var hint = matches.Count == 0 ? string.Empty : $"; did you mean {string.Join(", ", matches.Select(m => m.Person))}?";
        throw new KeyNotFoundException($"no person '{text}' in {store.Location}: expected a person id, network:account or a handle{hint}");
    }
}
