using System.Text.RegularExpressions;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Reddit;

/// <summary>
/// Reddit API JSON (docs/formats/reddit.md): listings of submissions (t3) and comments (t1) with their reply trees,
/// account about pages (t2) and <c>user_data_by_account_ids</c>, as response files or Betamax cassettes; a folder
/// is read file by file (<c>*.json</c>). Accounts are keyed by lower-case username.
/// </summary>
public sealed partial class RedditImporter : IImporter
{
    private readonly TimeProvider clock;

    public RedditImporter()
        : this(TimeProvider.System)
    {
    }

    public RedditImporter(TimeProvider clock) => this.clock = clock;

    public string Format => "reddit";

    public string Description => "Reddit API JSON: listings, comment trees and about pages (.json responses or Betamax cassettes, or a folder of them)";

    public bool CanRead(string path)
    {
        if (File.Exists(path))
        {
            return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && Sniff(RecordedResponses.Head(path));
        }

        if (!Directory.Exists(path))
        {
            return false;
        }

        var files = RecordedResponses.Files(path);
        var checkedFiles = 0;
        foreach (var file in files)
        {
            if (!Sniff(RecordedResponses.Head(file)))
            {
                return false;
            }

            if (++checkedFiles == 8)
            {
                break;
            }
        }

        return checkedFiles > 0;
    }

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            yield return ImportItem.Fail(new ImportError(path, 0, null, "no such file or folder; expected a Reddit API JSON response, a cassette or a folder of them"));
            yield break;
        }

        var fallback = options.SnapshotDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var item in Map(RecordedResponses.Files(path).SelectMany(RecordedResponses.Read), options, fallback, cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Maps Reddit responses fetched live (listings, comment trees, about pages), named by their URIs in errors.</summary>
    public static IEnumerable<ImportItem> ReadFetched(IReadOnlyList<FetchedResponse> responses, ImportOptions options, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(options);
        return Map(responses.Select(RecordedResponses.Parse), options, today, cancellationToken);
    }

    /// <summary>
    /// Maps response bodies, recorded or fetched live, in order; a body without a recorded time counts on
    /// <paramref name="fallback"/>, and each account's metrics come last, once.
    /// </summary>
    private static IEnumerable<ImportItem> Map(IEnumerable<(RecordedBody? Body, ImportError? Error)> bodies, ImportOptions options, DateOnly fallback, CancellationToken cancellationToken)
    {
        var tally = new MetricsTally(Network.Reddit);
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (body, error) in bodies)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (error is not null)
            {
                yield return ImportItem.Fail(error);
                continue;
            }

            using (body)
            {
                var date = body!.RecordedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : fallback;
                var things = new RedditThings(body.Source, body.Json, date, tally, accounts, options.Person);
                foreach (var item in things.Read(body.Document.RootElement))
                {
                    yield return item;
                }
            }
        }

        foreach (var metrics in tally.Records())
        {
            yield return ImportItem.Ok(metrics);
        }
    }

    private static bool Sniff(string head)
    {
        var start = head.AsSpan().TrimStart();
        if (start.IsEmpty || (start[0] != '{' && start[0] != '['))
        {
            return false;
        }

        if (head.Contains("\"http_interactions\"", StringComparison.Ordinal))
        {
            return head.Contains("reddit.com/", StringComparison.OrdinalIgnoreCase);
        }

        return ThingKind().IsMatch(head) || AccountIds().IsMatch(head);
    }

    [GeneratedRegex("""^\s*\[?\s*\{\s*"kind"\s*:\s*"(?:Listing|t[1-6]|more|TrophyList|UserList|KarmaList)"|"kind"\s*:\s*"(?:Listing|t[1-6])"\s*,\s*"data"\s*:""")]
    private static partial Regex ThingKind();

    [GeneratedRegex("""^\s*\{\s*"t2_[0-9a-z]+"\s*:\s*\{""")]
    private static partial Regex AccountIds();
}
