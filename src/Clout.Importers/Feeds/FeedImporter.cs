using System.Text.Json;
using System.Text.RegularExpressions;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Feeds;

/// <summary>
/// Blog feeds (docs/formats/feed.md): RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed files, or a folder of them. The blog
/// is an account on the <c>blog</c> network named by its site link; each item is a post of it.
/// </summary>
public sealed partial class FeedImporter : IImporter
{
    private static readonly string[] Extensions = [".xml", ".rss", ".atom", ".rdf", ".feed", ".json"];

    private readonly TimeProvider clock;

    public FeedImporter()
        : this(TimeProvider.System)
    {
    }

    public FeedImporter(TimeProvider clock) => this.clock = clock;

    public string Format => "feed";

    public string Description => "Blog feeds: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed (.xml, .rss, .atom, .json, or a folder of them)";

    public bool CanRead(string path)
    {
        if (File.Exists(path))
        {
            return HasExtension(path) && Sniff(RecordedResponses.Head(path)) is not null;
        }

        if (!Directory.Exists(path))
        {
            return false;
        }

        var files = Files(path);
        return files.Count > 0 && files.Take(8).All(f => Sniff(RecordedResponses.Head(f)) is not null);
    }

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            yield return ImportItem.Fail(new ImportError(path, 0, null, "no such file or folder; expected an RSS, Atom or JSON Feed file or a folder of them"));
            yield break;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var files = Directory.Exists(path) ? Files(path) : [path];
        foreach (var file in files)
        {
            foreach (var item in ReadFile(file, options, today, cancellationToken))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<ImportItem> ReadFile(string file, ImportOptions options, DateOnly today, CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ImportItem.Fail(new ImportError(file, 0, null, $"cannot open the file: {e.Message}"))];
        }

        if (RecordedResponses.Head(file, 256).AsSpan().TrimStart('\uFEFF').TrimStart().StartsWith("{"))
        {
            using (stream)
            {
                try
                {
                    var bytes = new byte[stream.Length];
                    stream.ReadExactly(bytes);
                    var doc = JsonDocument.Parse(bytes, WebJson.DocumentOptions);
                    return Materialize(doc, new JsonFeedReader(file, bytes, options, today));
                }
                catch (IOException e)
                {
                    return [ImportItem.Fail(new ImportError(file, 0, null, $"cannot read the file: {e.Message}"))];
                }
                catch (JsonException e)
                {
                    var line = (e.LineNumber ?? 0) + 1;
                    return [ImportItem.Fail(new ImportError(file, line, null, $"not valid JSON at line {line}, byte {(e.BytePositionInLine ?? 0) + 1}; expected a JSON Feed"))];
                }
            }
        }

        return new XmlFeedReader(file, options, today).Read(stream, cancellationToken);
    }

    /// <summary>
    /// Maps one feed document fetched live (RSS, Atom or JSON Feed, told apart by its first bytes), named by its
    /// URI in errors. A body that is not a feed yields one error saying what was expected.
    /// </summary>
    public static IEnumerable<ImportItem> ReadFetched(FetchedResponse response, ImportOptions options, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var head = System.Text.Encoding.UTF8.GetString(response.Body.Span[..Math.Min(response.Body.Length, 4096)]);
        var kind = Sniff(head);
        if (kind is null)
        {
            return [ImportItem.Fail(new ImportError(response.Uri, 1, null, "the response is not a feed; expected an RSS 2.0, RSS 1.0, Atom or JSON Feed document"))];
        }

        if (kind == "json")
        {
            try
            {
                var bytes = response.Body.ToArray();
                var doc = JsonDocument.Parse(bytes, WebJson.DocumentOptions);
                return Materialize(doc, new JsonFeedReader(response.Uri, bytes, options, today));
            }
            catch (JsonException e)
            {
                var line = (e.LineNumber ?? 0) + 1;
                return [ImportItem.Fail(new ImportError(response.Uri, line, null, $"not valid JSON at line {line}, byte {(e.BytePositionInLine ?? 0) + 1}; expected a JSON Feed"))];
            }
        }

        return new XmlFeedReader(response.Uri, options, today).Read(new MemoryStream(response.Body.ToArray(), writable: false), cancellationToken);
    }

    private static IEnumerable<ImportItem> Materialize(JsonDocument doc, JsonFeedReader reader)
    {
        using (doc)
        {
            foreach (var item in reader.Read(doc.RootElement))
            {
                yield return item;
            }
        }
    }

    /// <summary>"xml" or "json" when the head of a file is a feed (and not a WordPress export), else null.</summary>
    internal static string? Sniff(string head)
    {
        var start = head.AsSpan().TrimStart('\uFEFF').TrimStart();
        if (start.StartsWith("{"))
        {
            return JsonFeedVersion().IsMatch(head) ? "json" : null;
        }

        if (!start.StartsWith("<") || head.Contains("wordpress.org/export/", StringComparison.Ordinal))
        {
            return null;
        }

        var root = XmlRoot().Match(head);
        if (!root.Success)
        {
            return null;
        }

        return root.Groups[1].Value switch
        {
            "rss" => "xml",
            "rdf:RDF" when head.Contains("http://purl.org/rss/1.0/", StringComparison.Ordinal) => "xml",
            "feed" when head.Contains("http://www.w3.org/2005/Atom", StringComparison.Ordinal) => "xml",
            _ => null,
        };
    }

    private static bool HasExtension(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static List<string> Files(string folder)
    {
        var files = Directory.GetFiles(folder).Where(f => HasExtension(f) && Sniff(RecordedResponses.Head(f)) is not null).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    [GeneratedRegex(@"""version""\s*:\s*""https://jsonfeed\.org/version/")]
    private static partial Regex JsonFeedVersion();

    // The first element after the declaration, comments and doctype.
    [GeneratedRegex(@"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)", RegexOptions.Singleline)]
    private static partial Regex XmlRoot();
}
