using Clout.Api.Models.Klout;
using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Engine.Topics;

namespace Clout.Api.Infrastructure;

/// <summary>
/// A person's published topics in Klout's shapes: ids are the taxonomy's stable 64-bit ids as strings (a hash of
/// the slug for topics from a user file that the server does not know), ranked as assigned.
/// </summary>
public static class KloutTopics
{
    public static KloutTopic[] Of(ScoreSnapshot snapshot, TopicTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(taxonomy);
        return snapshot.Topics.Select(t =>
        {
            var known = taxonomy.TryGetIndex(t.Slug, out var index);
            var id = known ? taxonomy[index].Id : KloutId.Of("topic:" + t.Slug);
            var type = known && taxonomy[index].Parent is null ? "sub" : "entity";
            return new KloutTopic(id.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Name, t.Name, t.Slug, string.Empty, type, type);
        }).ToArray();
    }
}
