namespace Clout.Core.Storage;

/// <summary>
/// The structured parts of a snapshot a read wants besides its score columns (score, bucket, sub-scores, deltas).
/// Parts left out are not read from the store and come back empty: a request for a score alone skips the explanation
/// and topics, by far the largest part of a snapshot row.
/// </summary>
[Flags]
public enum SnapshotParts
{
    None = 0,
    Networks = 1,
    Explanation = 2,
    Topics = 4,
    Style = 8,

    /// <summary>The explanation's warning flags alone: without <see cref="Explanation"/>, the explanation comes back with its flags and nothing else.</summary>
    Flags = 16,
    All = Networks | Explanation | Topics | Style | Flags,
}
