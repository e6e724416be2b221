using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Clout.Engine.Topics;

/// <summary>
/// One topic of the taxonomy and the signals that point at it. <see cref="Id"/> is stored with the topic so that
/// renaming a slug never changes the id that scores, endorsements and exports refer to.
/// </summary>
public sealed record Topic(
    long Id,
    string Slug,
    string Name,
    string? Parent,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Domains)
{
    /// <summary>True when the topic has at least one hashtag, keyword or domain the matcher can find.</summary>
    public bool HasSignals => Hashtags.Count + Keywords.Count + Domains.Count > 0;

    /// <summary>
    /// The id a new topic gets from its slug: the first 8 bytes of SHA-256 over the UTF-8 slug, big-endian, with the
    /// sign bit cleared. A hash rather than a counter so that independently written topic files agree on ids.
    /// </summary>
    public static long IdFor(string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(slug), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash) & long.MaxValue;
    }
}
