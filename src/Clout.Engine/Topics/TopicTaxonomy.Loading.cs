using System.Text;

namespace Clout.Engine.Topics;

/// <summary>Loading the shipped taxonomy and merging user topic files into it.</summary>
public sealed partial class TopicTaxonomy
{
    private const string DefaultResource = "Clout.Engine.Topics.taxonomy.json";
    private const string DefaultSource = "taxonomy.json (built in)";

    private static readonly Lazy<TopicTaxonomy> DefaultTaxonomy = new(LoadDefault);

    /// <summary>The taxonomy shipped with Clout.</summary>
    public static TopicTaxonomy Default => DefaultTaxonomy.Value;

    /// <summary>A taxonomy with no topics, for tests and for running with user topics only.</summary>
    public static TopicTaxonomy Empty { get; } = new([]);

    /// <summary>Reads a complete taxonomy (not merged with the shipped one). Topics without an id get <see cref="Topic.IdFor"/>.</summary>
    public static TopicTaxonomy Parse(string json, string source) => Empty.Merge(json, source);

    /// <summary>Reads a complete taxonomy from a stream (not merged with the shipped one).</summary>
    public static TopicTaxonomy Load(Stream json, string source) => Empty.Merge(json, source);

    /// <summary>
    /// A new taxonomy with the topics of a user file added: an entry whose slug is new adds a topic (name required,
    /// parent optional, id derived from the slug unless given); an entry whose slug exists extends that topic with
    /// more hashtags, keywords and domains and may rename it, but may not move it or change its id.
    /// Throws <see cref="TopicFileException"/> listing every problem, each naming <paramref name="source"/>.
    /// </summary>
    public TopicTaxonomy Merge(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Merge(Encoding.UTF8.GetBytes(json), source, requireIds: false);
    }

    /// <inheritdoc cref="Merge(string, string)"/>
    public TopicTaxonomy Merge(Stream json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        return Merge(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), source, requireIds: false);
    }

    private static TopicTaxonomy LoadDefault()
    {
        using var stream = typeof(TopicTaxonomy).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"embedded resource {DefaultResource} is missing from {typeof(TopicTaxonomy).Assembly.GetName().Name}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);

        // The shipped file must state every id: ids are frozen in the file, not recomputed on load.
        return Empty.Merge(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), DefaultSource, requireIds: true);
    }

    private TopicTaxonomy Merge(ReadOnlyMemory<byte> json, string source, bool requireIds)
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = new List<TopicFileError>();
        var entries = TopicFileReader.Read(json, source, errors);
        var merged = new TopicMerger(this, source, requireIds, errors).Merge(entries);
        if (errors.Count > 0)
        {
            throw new TopicFileException(errors);
        }

        return new TopicTaxonomy(merged);
    }
}
