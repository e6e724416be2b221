using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Importers.Mastodon;

/// <summary>
/// Mastodon's follows export, <c>following_accounts.csv</c>: a header starting "Account address" and one
/// <c>name@instance</c> per row (the other columns are display preferences and are ignored).
/// </summary>
internal static class MastodonFollowsCsv
{
    public const string Header = "Account address";

    /// <summary>The followed accounts, and follow actions from <paramref name="owner"/> when the owner is known.</summary>
    public static IEnumerable<ImportItem> Read(string file, string? owner, DateTimeOffset time, CancellationToken cancellationToken)
    {
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ImportItem.Fail(new ImportError(file, 0, null, $"cannot read the file: {e.Message}"))];
        }

        return Rows(file, lines, owner, time, cancellationToken);
    }

    private static IEnumerable<ImportItem> Rows(string file, IEnumerable<string> lines, string? owner, DateTimeOffset time, CancellationToken cancellationToken)
    {
        long n = 0;
        foreach (var text in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            n++;
            if (n == 1)
            {
                if (!text.TrimStart('\uFEFF').StartsWith(Header, StringComparison.Ordinal))
                {
                    yield return ImportItem.Fail(new ImportError(file, 1, null, $"expected the header \"{Header},Show boosts,...\""));
                    yield break;
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var address = text.Split(',', 2)[0].Trim().Trim('"');
            var account = MastodonAccountIds.FromAddress(address);
            if (account is null)
            {
                yield return ImportItem.Fail(new ImportError(file, n, Header, $"'{address}' is not an account address; expected name@instance"));
                continue;
            }

            yield return ImportItem.Ok(new AccountRecord(Network.Mastodon, account) { Handle = account.Split('@')[0] });
            if (owner is not null && owner != account)
            {
                yield return ImportItem.Ok(new ActionRecord(Network.Mastodon, $"follow:{owner}:{account}", ActionKind.Follow, owner, account, time));
            }
        }
    }
}
