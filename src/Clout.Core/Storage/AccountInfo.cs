using Clout.Core.Domain;

namespace Clout.Core.Storage;

/// <summary>An account with what is known of it.</summary>
public sealed record AccountInfo(Network Network, string Id, string? Handle, string? Name, DateTimeOffset? Created, string Person)
{
    public IReadOnlyList<string> Labels { get; init; } = [];

    public string? Bio { get; init; }

    public string? Url { get; init; }

    /// <summary>The source's fields the domain does not model (JSON), where the store returns them (see <see cref="ICloutStore.GetAccountsAsync"/>).</summary>
    public string? Raw { get; init; }

    public AccountKey Key => new(Network, Id);
}
