using System.Text;
using Clout.Core.Records;

namespace Clout.Importers.Mastodon;

/// <summary>
/// Recorded Mastodon 4.x REST responses: a response body (.json), a JSON VCR cassette, or a folder of them
/// (with an optional INDEX.tsv naming each file's request). docs/formats/mastodon-api.md.
/// </summary>
public sealed class MastodonApiImporter : IImporter
{
    public string Format => "mastodon-api";

    public string Description => "Mastodon REST API JSON responses (statuses, accounts, notifications) or JSON VCR cassettes";

    private static readonly string[] MastodonPaths = ["statuses", "accounts", "notifications", "timelines", "favourites", "bookmarks", "follow_requests", "instance"];

    public bool CanRead(string path)
    {
        if (Directory.Exists(path))
        {
            var index = Path.Combine(path, "INDEX.tsv");
            if (File.Exists(index) && MastodonPaths.Any(m => Head(index, 4096).Contains("/api/v1/" + m, StringComparison.Ordinal)))
            {
                return true;
            }

            var files = Directory.GetFiles(path, "*.json");
            Array.Sort(files, StringComparer.Ordinal);
            return files.Take(10).Any(IsMastodonFile);
        }

        return File.Exists(path) && IsMastodonFile(path);
    }

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return [ImportItem.Fail(new ImportError(path, 0, null, "no such file or folder; expected a Mastodon API response (.json), a JSON cassette, or a folder of them"))];
        }

        return new MastodonApiReader(options, cancellationToken).Read(path);
    }

    /// <summary>
    /// Maps responses fetched live from a Mastodon server, exactly as recorded ones: the request path says what a
    /// list of accounts means (favourited_by, followers …), and each response is named by its URI in errors.
    /// </summary>
    public static IEnumerable<ImportItem> ReadFetched(IReadOnlyList<FetchedResponse> responses, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responses);
        return new MastodonApiReader(options, cancellationToken).Read(Common.RecordedHttpCassette.FromFetched(responses));
    }

    private static bool IsMastodonFile(string file)
    {
        if (!file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Other APIs have /api/v1/ paths too (Reddit): only Mastodon's own resources count.
        if (MastodonPaths.Any(m => Path.GetFileName(file).Contains("_api_v1_" + m, StringComparison.Ordinal)))
        {
            return true;
        }

        var head = Head(file, 8192);
        if (head.Contains("\"id_str\"", StringComparison.Ordinal) || head.Contains("api.twitter.com", StringComparison.Ordinal))
        {
            return false;
        }

        return head.Contains("/api/v1/", StringComparison.Ordinal)
            || head.Contains("\"acct\"", StringComparison.Ordinal)
            || head.Contains("\"reblogs_count\"", StringComparison.Ordinal)
            || head.Contains("\"favourites_count\"", StringComparison.Ordinal);
    }

    private static string Head(string file, int bytes)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var buffer = new byte[bytes];
            var n = stream.ReadAtLeast(buffer, bytes, throwOnEndOfStream: false);
            return Encoding.UTF8.GetString(buffer, 0, n);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
