using Clout.Core.Records;

namespace Clout.Importers.Mastodon;

/// <summary>
/// A Mastodon account export: the folder with actor.json and outbox.json (likes.json and following_accounts.csv
/// when present), or a follows CSV on its own. docs/formats/mastodon-archive.md.
/// </summary>
public sealed class MastodonArchiveImporter : IImporter
{
    public string Format => "mastodon-archive";

    public string Description => "Mastodon account export folder (actor.json, outbox.json, likes.json, following_accounts.csv) or a follows CSV";

    public bool CanRead(string path)
    {
        if (Directory.Exists(path))
        {
            return File.Exists(Path.Combine(path, "outbox.json")) && Head(Path.Combine(path, "actor.json")).Contains("activitystreams", StringComparison.Ordinal);
        }

        return File.Exists(path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            && Head(path).TrimStart('\uFEFF').StartsWith(MastodonFollowsCsv.Header + ",", StringComparison.Ordinal);
    }

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(path))
        {
            return new MastodonArchiveReader(path, options, cancellationToken).Read();
        }

        if (File.Exists(path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            // On its own the CSV does not say whose follows these are: it yields the followed accounts only.
            var time = options.SnapshotDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.UtcNow.Date;
            return MastodonFollowsCsv.Read(path, null, time, cancellationToken);
        }

        return [ImportItem.Fail(new ImportError(path, 0, null, "expected a Mastodon export folder with actor.json and outbox.json, or a following_accounts.csv"))];
    }

    private static string Head(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var buffer = new byte[512];
            var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, n);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
