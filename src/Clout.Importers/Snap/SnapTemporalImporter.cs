using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Importers.Snap;

/// <summary>
/// SNAP temporal edge lists (docs/formats/snap.md): one interaction a line, <c>src dst unixtime [kind]</c>, where
/// src acts on dst. Kinds are Higgs' RT (reshare), MT (mention), RE (reply) or any Clout action name; lines
/// without a kind (CollegeMsg) get <see cref="ImportOptions.DefaultKind"/>, mention unless told. Node ids become
/// account ids on <see cref="ImportOptions.Network"/> (generic unless told). Files ending in .gz are read on the fly.
/// </summary>
public sealed class SnapTemporalImporter : IImporter
{
    public string Format => "snap-temporal";

    public string Description => "SNAP temporal edge list: 'src dst unixtime [RT|MT|RE|kind]' a line (Higgs Twitter, CollegeMsg; .txt, .gz)";

    public bool CanRead(string path) =>
        File.Exists(path) && (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".txt.gz", StringComparison.OrdinalIgnoreCase))
        && SnapLines.Sniff(path, 3, 4);

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

    /// <summary>Reads a temporal edge list from a stream; <paramref name="source"/> names it in errors.</summary>
    public static IEnumerable<ImportItem> ReadStream(Stream stream, string source, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var network = options.Network ?? Network.Generic;
        var defaultKind = options.DefaultKind ?? ActionKind.Mention;
        using var reader = SnapLines.Reader(stream);
        long number = 0;
        var fields = new Range[4];
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
                yield break;
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

            yield return Parse(line, fields, source, number, network, defaultKind);
        }
    }

    private static ImportItem Parse(string line, Range[] fields, string source, long number, Network network, ActionKind defaultKind)
    {
        var n = SnapLines.Split(line, fields);
        if (n is < 3 or > 4)
        {
            return ImportItem.Fail(new ImportError(source, number, null, $"expected 'src dst unixtime [kind]' (3 or 4 fields), found {n} fields"));
        }

        var src = line[fields[0]];
        var dst = line[fields[1]];
        var timeText = line.AsSpan()[fields[2]];
        if (!long.TryParse(timeText, out var seconds) || seconds < -62135596800L || seconds > 253402300799L)
        {
            return ImportItem.Fail(new ImportError(source, number, "unixtime", $"'{timeText}' is not a Unix time in seconds"));
        }

        var kind = defaultKind;
        if (n == 4 && !TryKind(line.AsSpan()[fields[3]], out kind))
        {
            return ImportItem.Fail(new ImportError(source, number, "kind", $"'{line[fields[3]]}' is not an interaction kind; expected RT, MT, RE or one of {KindNames.ExpectedActions}"));
        }

        // The same pair and second can carry two kinds (Higgs: MT and RE), so the kind is part of the id.
        var id = $"snap:{src}:{dst}:{seconds}:{kind.Name()}";
        return ImportItem.Ok(new ActionRecord(network, id, kind, src, dst, DateTimeOffset.FromUnixTimeSeconds(seconds)));
    }

    private static bool TryKind(ReadOnlySpan<char> text, out ActionKind kind)
    {
        if (text.Equals("RT", StringComparison.OrdinalIgnoreCase))
        {
            kind = ActionKind.Reshare;
            return true;
        }

        if (text.Equals("MT", StringComparison.OrdinalIgnoreCase))
        {
            kind = ActionKind.Mention;
            return true;
        }

        if (text.Equals("RE", StringComparison.OrdinalIgnoreCase))
        {
            kind = ActionKind.Reply;
            return true;
        }

        return KindNames.TryParseAction(text.ToString(), out kind);
    }
}
