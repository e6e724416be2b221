using Clout.Core.Domain;

namespace Clout.Application.Identity;

/// <summary>
/// One observation behind an identity suggestion: what was seen (<see cref="Kind"/>), on which account's profile and
/// field, the value found there, and how strongly it alone says the two accounts are one person (0 to 1).
/// </summary>
public sealed record SuggestionEvidence(string Kind, string Description, double Confidence)
{
    /// <summary>The account whose data holds the evidence (for profile links: the account that links).</summary>
    public AccountKey? Account { get; init; }

    /// <summary>Where on that account: <c>handle</c>, <c>bio</c>, <c>url</c> or a path in its raw source fields.</summary>
    public string? Field { get; init; }

    /// <summary>The handle, link or domain that matched.</summary>
    public string? Value { get; init; }
}
