using Clout.Engine.Topics;
using Clout.Generator;

namespace Clout.Application.Generating;

/// <summary>
/// The generator's topics drawn from a topic taxonomy: every leaf topic with at least one hashtag and one keyword,
/// with its own signals, so generated people post about topics Clout can recognise and their labels
/// (<c>topic:&lt;slug&gt;</c>) are slugs of the taxonomy.
/// </summary>
public static class TaxonomyTopics
{
    private static readonly Lazy<IReadOnlyList<GeneratorTopic>> Shipped = new(() => From(TopicTaxonomy.Default));

    /// <summary>The topics of the shipped taxonomy.</summary>
    public static IReadOnlyList<GeneratorTopic> Default => Shipped.Value;

    public static IReadOnlyList<GeneratorTopic> From(TopicTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var result = new List<GeneratorTopic>();
        for (var i = 0; i < taxonomy.Count; i++)
        {
            var t = taxonomy[i];
            if (taxonomy.IsLeaf(i) && t.Hashtags.Count > 0 && t.Keywords.Count > 0)
            {
                result.Add(new GeneratorTopic(t.Slug, t.Hashtags, t.Keywords, t.Domains) { Name = t.Name });
            }
        }

        return result;
    }
}
