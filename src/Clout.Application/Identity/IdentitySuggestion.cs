using Clout.Core.Domain;

namespace Clout.Application.Identity;

/// <summary>
/// Two accounts of different people that the data says are probably one person, to be confirmed by linking
/// <see cref="Account"/> to <see cref="Person"/>. <see cref="Confidence"/> combines the evidence (0 to 1).
/// </summary>
public sealed record IdentitySuggestion(string Person, AccountKey Account, AccountKey Other, double Confidence, string Reason, IReadOnlyList<SuggestionEvidence> Evidence)
{
    /// <summary>The person <see cref="Account"/> belongs to now.</summary>
    public required string AccountPerson { get; init; }

    /// <summary>The command that confirms the suggestion.</summary>
    public string Command => $"clout link {Quote(Person)} {Quote(Account.ToString())}";

    private static string Quote(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "-_.:@/+=%,".Contains(c, StringComparison.Ordinal))
            ? text
            : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
