using System.Text;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Twitter;

/// <summary>
/// Recorded Twitter API v2 and v1.1 responses: a response body (.json), a JSON VCR cassette, or a folder of them
/// (with an optional INDEX.tsv naming each file's request). docs/formats/twitter-api.md.
/// </summary>
public sealed class TwitterApiImporter : IImporter
{
    public string Format => "twitter-api";

    public string Description => "Twitter/X API v2 and v1.1 JSON responses or JSON VCR cassettes (a .json file or a folder of them)";

    public bool CanRead(string path)
    {
        if (Directory.Exists(path))
        {
            var index = Path.Combine(path, "INDEX.tsv");
            if (File.Exists(index))
            {
                return Head(index, 4096).Contains("api.twitter.com", StringComparison.Ordinal);
            }

            var files = Directory.GetFiles(path, "*.json");
            Array.Sort(files, StringComparer.Ordinal);
            return files.Length > 0 && files.Take(3).All(IsTwitterFile);
        }

        return File.Exists(path) && IsTwitterFile(path);
    }

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return [ImportItem.Fail(new ImportError(path, 0, null, "no such file or folder; expected a Twitter API response (.json), a JSON cassette, or a folder of them"))];
        }

        return new TwitterApiReader(options, cancellationToken).Read(path);
    }

    private static bool IsTwitterFile(string file)
    {
        if (!file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var name = Path.GetFileName(file);
        if (name.Contains("__GET_2_", StringComparison.Ordinal) || name.Contains("__GET_1_1_", StringComparison.Ordinal))
        {
            return true;
        }

        var head = Head(file, 8192);
        if (head.Contains("\"acct\"", StringComparison.Ordinal) || head.Contains("\"reblogs_count\"", StringComparison.Ordinal))
        {
            return false;
        }

        return head.Contains("api.twitter.com", StringComparison.Ordinal)
            || head.Contains("\"edit_history_tweet_ids\"", StringComparison.Ordinal)
            || head.Contains("\"author_id\"", StringComparison.Ordinal)
            || (head.Contains("\"id_str\"", StringComparison.Ordinal) && (head.Contains("\"screen_name\"", StringComparison.Ordinal) || head.Contains("\"retweet_count\"", StringComparison.Ordinal)))
            || (head.Contains("\"username\"", StringComparison.Ordinal) && head.Contains("\"data\"", StringComparison.Ordinal));
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
