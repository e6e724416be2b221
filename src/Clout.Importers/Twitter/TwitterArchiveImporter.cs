using Clout.Core.Records;

namespace Clout.Importers.Twitter;

/// <summary>
/// A Twitter/X "download your data" archive: the archive folder or its <c>data</c> folder, with account.js and
/// tweets.js (follower.js, following.js, like.js, profile.js and manifest.js when present). docs/formats/twitter-archive.md.
/// </summary>
public sealed class TwitterArchiveImporter : IImporter
{
    public string Format => "twitter-archive";

    public string Description => "Twitter/X archive folder (data/tweets.js, account.js, follower.js, following.js, like.js)";

    public bool CanRead(string path) => DataDir(path) is { } dir && StartsWith(Path.Combine(dir, "account.js"), "window.YTD.account.");

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var dir = DataDir(path);
        if (dir is null)
        {
            return [ImportItem.Fail(new ImportError(path, 0, null, "not a folder; expected a Twitter/X archive folder (or its data folder) with account.js and tweets.js"))];
        }

        return new TwitterArchiveReader(dir, options, cancellationToken).Read();
    }

    /// <summary>The folder holding the .js data files: the path itself, or its <c>data</c> sub-folder.</summary>
    private static string? DataDir(string path)
    {
        if (!Directory.Exists(path))
        {
            return null;
        }

        var data = Path.Combine(path, "data");
        return Directory.Exists(data) && !File.Exists(Path.Combine(path, "account.js")) ? data : path;
    }

    private static bool StartsWith(string file, string prefix)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var buffer = new byte[64];
            var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, n).TrimStart('\uFEFF', ' ', '\r', '\n').StartsWith(prefix, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
