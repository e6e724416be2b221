using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Api.Models;

/// <summary>A person: id, the numeric id the Klout-compatible API uses, name, nick (X handle, else the first handle) and accounts.</summary>
public sealed record PersonView(string Id, string KloutId, string? Name, string Nick, IReadOnlyList<AccountView> Accounts)
{
    public static PersonView Of(PersonInfo p) =>
        new(p.Person, Clout.Core.Domain.KloutId.Of(p.Person).ToString(CultureInfo.InvariantCulture), p.Name, NickOf(p), p.Accounts.Select(AccountView.Of).ToArray());

    /// <summary>Klout's <c>nick</c> was the Twitter screen name: ours is the X handle, else the first handle, else the id.</summary>
    public static string NickOf(PersonInfo p) =>
        p.Accounts.FirstOrDefault(a => a.Network == Network.X && a.Handle is not null)?.Handle
        ?? p.Accounts.FirstOrDefault(a => a.Handle is not null)?.Handle
        ?? p.Person;
}
