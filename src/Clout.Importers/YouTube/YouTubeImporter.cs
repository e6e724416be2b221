using System.Text.RegularExpressions;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.YouTube;

/// <summary>
/// YouTube Data API v3 JSON (docs/formats/youtube.md): channels, videos, comment threads, comments and
/// subscriptions, as response files, Betamax cassettes or a folder of them. Accounts are channel ids.
/// </summary>
public sealed partial class YouTubeImporter : IImporter
{
    private readonly TimeProvider clock;

    public YouTubeImporter()
        : this(TimeProvider.System)
    {
    }

    public YouTubeImporter(TimeProvider clock) => this.clock = clock;

    public string Format => "youtube";

    public string Description => "YouTube Data API v3 JSON: channels, videos, commentThreads, comments, subscriptions (responses, cassettes or a folder of them)";

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

        var checkedFiles = 0;
        foreach (var file in RecordedResponses.Files(path))
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
            yield return ImportItem.Fail(new ImportError(path, 0, null, "no such file or folder; expected a YouTube Data API JSON response, a cassette or a folder of them"));
            yield break;
        }

        var files = RecordedResponses.Files(path);

        // First pass: who owns each video and wrote each comment, so that a comment read before its video still
        // becomes an action on the right channel. Errors are reported by the second pass.
        var index = new YouTubeIndex();
        foreach (var file in files)
        {
            foreach (var (body, _) in RecordedResponses.Read(file))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using (body)
                {
                    if (body is not null)
                    {
                        index.Add(body.Document.RootElement);
                    }
                }
            }
        }

        var fallback = options.SnapshotDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var item in Map(files.SelectMany(RecordedResponses.Read), index, options, fallback, cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Maps YouTube Data API responses fetched live, named by their URIs in errors.</summary>
    public static IEnumerable<ImportItem> ReadFetched(IReadOnlyList<FetchedResponse> responses, ImportOptions options, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(options);
        var bodies = new List<(RecordedBody? Body, ImportError? Error)>();
        try
        {
            var index = new YouTubeIndex();
            foreach (var response in responses)
            {
                var parsed = RecordedResponses.Parse(response);
                bodies.Add(parsed);
                if (parsed.Body is not null)
                {
                    index.Add(parsed.Body.Document.RootElement);
                }
            }

            return Map(bodies, index, options, today, cancellationToken).ToList();
        }
        finally
        {
            foreach (var (body, _) in bodies)
            {
                body?.Dispose();
            }
        }
    }

    /// <summary>
    /// The second pass over response bodies, recorded or fetched live: maps each with <paramref name="index"/> (who
    /// owns each video and wrote each comment) and disposes it; a body without a recorded time counts on
    /// <paramref name="fallback"/>, and each channel's and video's metrics come last, once.
    /// </summary>
    private static IEnumerable<ImportItem> Map(IEnumerable<(RecordedBody? Body, ImportError? Error)> bodies, YouTubeIndex index, ImportOptions options, DateOnly fallback, CancellationToken cancellationToken)
    {
        var tally = new MetricsTally(Network.YouTube);
        var seen = new HashSet<string>(StringComparer.Ordinal);
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
                var resources = new YouTubeResources(body.Source, body.Json, date, index, tally, seen, options.Person);
                foreach (var item in resources.Read(body.Document.RootElement))
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
        if (start.IsEmpty || start[0] != '{')
        {
            return false;
        }

        if (head.Contains("\"http_interactions\"", StringComparison.Ordinal))
        {
            return head.Contains("googleapis.com/youtube/", StringComparison.OrdinalIgnoreCase);
        }

        return Kind().IsMatch(head);
    }

    [GeneratedRegex(""""^\s*\{\s*"kind"\s*:\s*"youtube#[A-Za-z]+"|"kind"\s*:\s*"youtube#[A-Za-z]+ListResponse"""")]
    private static partial Regex Kind();
}
