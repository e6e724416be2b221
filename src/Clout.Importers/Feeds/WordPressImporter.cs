using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Feeds;

/// <summary>
/// A WordPress export (WXR: RSS 2.0 with the <c>wp:</c> namespace; docs/formats/wordpress.md): the blog, its
/// published posts and pages, and their approved comments as commenter accounts, replies and comment actions.
/// </summary>
public sealed class WordPressImporter : IImporter
{
    private static readonly string[] Extensions = [".xml", ".wxr"];

    private readonly TimeProvider clock;

    public WordPressImporter()
        : this(TimeProvider.System)
    {
    }

    public WordPressImporter(TimeProvider clock) => this.clock = clock;

    public string Format => "wordpress";

    public string Description => "WordPress export (WXR .xml from Tools > Export, or a folder of them): posts, pages and approved comments";

    public bool CanRead(string path)
    {
        if (File.Exists(path))
        {
            return HasExtension(path) && Sniff(RecordedResponses.Head(path));
        }

        if (!Directory.Exists(path))
        {
            return false;
        }

        var files = Files(path);
        return files.Count > 0 && files.Count == Directory.GetFiles(path).Count(HasExtension);
    }

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            yield return ImportItem.Fail(new ImportError(path, 0, null, "no such file or folder; expected a WordPress export (WXR) file or a folder of them"));
            yield break;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var file in Directory.Exists(path) ? Files(path) : [path])
        {
            Stream stream;
            ImportItem? failure = null;
            try
            {
                stream = File.OpenRead(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stream = Stream.Null;
                failure = ImportItem.Fail(new ImportError(file, 0, null, $"cannot open the file: {e.Message}"));
            }

            if (failure is { } f)
            {
                yield return f;
                continue;
            }

            foreach (var item in new WxrReader(file, options, today).Read(stream, cancellationToken))
            {
                yield return item;
            }
        }
    }

    private static bool Sniff(string head)
    {
        var start = head.AsSpan().TrimStart('\uFEFF').TrimStart();
        return start.StartsWith("<") && head.Contains("<rss", StringComparison.Ordinal)
            && head.Contains("xmlns:wp=\"http://wordpress.org/export/", StringComparison.Ordinal);
    }

    private static bool HasExtension(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static List<string> Files(string folder)
    {
        var files = Directory.GetFiles(folder).Where(f => HasExtension(f) && Sniff(RecordedResponses.Head(f))).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
