using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Api.Models;

/// <summary>A linked account: network name (x, mastodon, …), its id there, handle and display name.</summary>
public sealed record AccountView(string Network, string Id, string? Handle, string? Name, string? Url)
{
    public static AccountView Of(AccountInfo a) => new(a.Network.Name(), a.Id, a.Handle, a.Name, a.Url);
}
