using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Importers.Snap;

/// <summary>
/// SNAP follow edge lists (docs/formats/snap.md): <c>a b</c> a line, meaning a follows b (ego-Twitter). Each edge
/// becomes a follow action dated <see cref="ImportOptions.SnapshotDate"/> (today, UTC, unless told), and after the
/// last edge each node gets a metrics record with its follower and following counts in the file.
/// </summary>
public sealed class SnapFollowsImporter : IImporter
{
    public string Format => "snap-follows";

    public string Description => "SNAP follow edge list: 'a b' a line, a follows b (ego-Twitter; .txt, .gz)";

    public bool CanRead(string path) =>
        File.Exists(path) && (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".txt.gz", StringComparison.OrdinalIgnoreCase))
        && SnapLines.Sniff(path, 2, 2);

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Stream stream;
        try
        {
            stream = SnapLines.Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ImportItem.Fail(new ImportError(path, 0, null, $"cannot open the file: {e.Message}"))];
        }

        return ReadStream(stream, path, options, cancellationToken);
    }

    /// <summary>Reads a follow edge list from a stream; <paramref name="source"/> names it in errors.</summary>
    public static IEnumerable<ImportItem> ReadStream(Stream stream, string source, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var network = options.Network ?? Network.Generic;
        var date = options.SnapshotDate ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var time = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var degrees = new Dictionary<string, (long Followers, long Following)>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        using var reader = SnapLines.Reader(stream);
        long number = 0;
        var fields = new Range[2];
        while (true)
        {
            string? line;
            string? failure = null;
            try
            {
                line = reader.ReadLine();
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                line = null;
                failure = e.Message;
            }

            if (failure is not null)
            {
                yield return ImportItem.Fail(new ImportError(source, number + 1, null, $"cannot read the file: {failure}"));
                yield break;
            }

            if (line is null)
            {
                break;
            }

            number++;
            if ((number & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (SnapLines.IsSkipped(line))
            {
                continue;
            }

            var n = SnapLines.Split(line, fields);
            if (n != 2)
            {
                yield return ImportItem.Fail(new ImportError(source, number, null, $"expected 'a b' (a follows b, 2 fields), found {n} fields"));
                continue;
            }

            var a = line[fields[0]];
            var b = line[fields[1]];
            if (a == b || !seen.Add((a, b)))
            {
                continue; // a self-loop or a repeated edge says nothing new
            }

            degrees[a] = degrees.TryGetValue(a, out var da) ? (da.Followers, da.Following + 1) : (0, 1);
            degrees[b] = degrees.TryGetValue(b, out var db) ? (db.Followers + 1, db.Following) : (1, 0);
            yield return ImportItem.Ok(new ActionRecord(network, $"snap:{a}:{b}:follow", ActionKind.Follow, a, b, time));
        }

        foreach (var (node, (followers, following)) in degrees.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            yield return ImportItem.Ok(new MetricsRecord(network, node, date) { Followers = followers, Following = following });
        }
    }
}
