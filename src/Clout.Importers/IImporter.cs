using Clout.Core.Records;

namespace Clout.Importers;

/// <summary>
/// Reads one source format into Core records. Readers stream (no whole-file loads where the format allows it),
/// never throw for bad input: each bad record becomes an <see cref="ImportItem"/> error naming the file, the line
/// or position, the field and what was expected. A file or archive that cannot be read at all yields one error.
/// </summary>
public interface IImporter
{
    /// <summary>The name given to <c>--format</c>, such as <c>jsonl</c> or <c>twitter-archive</c>.</summary>
    string Format { get; }

    /// <summary>One line for <c>clout import --help</c>.</summary>
    string Description { get; }

    /// <summary>True when the file or folder at <paramref name="path"/> is clearly in this format (used for detection).</summary>
    bool CanRead(string path);

    IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default);
}
