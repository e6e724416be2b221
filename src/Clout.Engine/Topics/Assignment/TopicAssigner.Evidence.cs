using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Scoring;

namespace Clout.Engine.Topics.Assignment;

public sealed partial class TopicAssigner
{
    private TopicScore Describe(int person, int topic, double evidence, double score, TopicWindow window, AssignmentContext context, Groups accounts, Groups posts, Groups attributions, Buffers b)
    {
        var taxonomy = window.Taxonomy;
        var top = new List<(int Post, double Weight)>();
        var postCount = 0;
        double reactionTotal = 0;
        foreach (var post in posts.Of(person))
        {
            var share = ShareWithin(taxonomy, window.PostTopics(post), window.PostShares(post), topic);
            if (share <= 0)
            {
                continue;
            }

            var age = context.Day - window.PostDay(post);
            var decay = age >= 0 && age < context.Decay.Length ? context.Decay[age] : 0;
            var reactions = Reactions(window.PostReactions(post)) * context.ReactionQuality[window.PostAccount(post)];
            postCount++;
            reactionTotal += share * reactions;
            KeepTop(top, post, share * decay * (1 + reactions), p.EvidenceItems);
        }

        var items = new List<TopicEvidenceItem>();
        foreach (var (post, weight) in top)
        {
            items.Add(PostItem(window, context, post, weight));
        }

        var attributors = new HashSet<int>();
        var lists = new List<(int Attribution, double Weight)>();
        var endorsers = new List<(int Attribution, double Weight)>();
        var endorsed = new HashSet<int>();
        var listed = new HashSet<int>();
        foreach (var i in attributions.Of(person))
        {
            var actor = window.AttributionActor(i);
            var actorPerson = context.Person[actor];
            var share = ShareWithin(taxonomy, window.AttributionTopics(i), window.AttributionShares(i), topic);
            if (actorPerson == person || share <= 0)
            {
                continue;
            }

            attributors.Add(actorPerson);
            var endorse = window.AttributionKind(i) == ActionKind.Endorse;
            if (endorse ? endorsed.Add(actorPerson) : listed.Add(actorPerson))
            {
                KeepTop(endorse ? endorsers : lists, i, share * context.Quality[actor], p.EvidenceItems);
            }
        }

        foreach (var (i, weight) in lists)
        {
            var by = context.PersonKeys[context.Person[window.AttributionActor(i)]];
            items.Add(new TopicEvidenceItem("list", Round(weight * p.ListWeight), $"put on the list \"{window.AttributionLabel(i)}\" by {by} (actor quality {weight:0.00})")
            {
                Network = context.Network[window.AttributionActor(i)],
                Text = window.AttributionLabel(i),
                Day = DayNumber.ToDate(window.AttributionDay(i)),
                By = by,
            });
        }

        foreach (var (i, weight) in endorsers)
        {
            var by = context.PersonKeys[context.Person[window.AttributionActor(i)]];
            var others = endorsed.Count > p.EvidenceItems ? $" (one of {endorsed.Count} endorsers)" : string.Empty;
            items.Add(new TopicEvidenceItem("endorsement", Round(weight * p.EndorsementWeight), $"endorsed for {taxonomy[topic].Name} by {by} (actor quality {weight:0.00}){others}")
            {
                Network = context.Network[window.AttributionActor(i)],
                Day = DayNumber.ToDate(window.AttributionDay(i)),
                By = by,
            });
        }

        foreach (var a in accounts.Of(person))
        {
            var share = ShareWithin(taxonomy, window.ProfileTopics(a), window.ProfileShares(a), topic);
            if (share > 0)
            {
                items.Add(new TopicEvidenceItem("profile", Round(share * p.ProfileWeight), $"the {context.Network[a].Name()} profile mentions it")
                {
                    Network = context.Network[a],
                    Account = context.SourceId[a],
                    Text = window.Bio[a],
                });
                break;
            }
        }

        return new TopicScore(taxonomy[topic].Slug, taxonomy[topic].Name, Round(score))
        {
            Weight = Round(evidence),
            Posts = postCount,
            Reactions = Round(reactionTotal),
            Attributions = attributors.Count,
            Evidence = items,
        };
    }

    private static TopicEvidenceItem PostItem(TopicWindow window, AssignmentContext context, int post, double weight)
    {
        var counts = window.PostReactions(post);
        var reactions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            if (counts[k] > 0)
            {
                reactions[((ActionKind)k).Name()] = counts[k];
                total += counts[k];
            }
        }

        var account = window.PostAccount(post);
        var summary = total == 0
            ? "no reactions"
            : string.Join(", ", reactions.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value} {r.Key}")));
        return new TopicEvidenceItem("post", Round(weight), $"{context.Network[account].Name()} post on {DayNumber.ToDate(window.PostDay(post)):yyyy-MM-dd} ({summary})")
        {
            Network = context.Network[account],
            Account = context.SourceId[account],
            Post = window.PostSource(post),
            Text = window.PostText(post),
            Day = DayNumber.ToDate(window.PostDay(post)),
            Reactions = reactions,
        };
    }

    /// <summary>The share of a text's evidence that falls within a topic (the topic itself or its descendants).</summary>
    private static double ShareWithin(TopicTaxonomy taxonomy, ReadOnlySpan<int> topics, ReadOnlySpan<float> shares, int topic)
    {
        double share = 0;
        for (var i = 0; i < topics.Length; i++)
        {
            if (taxonomy.IsWithin(topics[i], topic))
            {
                share += shares[i];
            }
        }

        return share;
    }

    /// <summary>Keeps the <paramref name="n"/> heaviest items, ties by the earlier item, in descending order.</summary>
    private static void KeepTop(List<(int Item, double Weight)> top, int item, double weight, int n)
    {
        var at = top.Count;
        while (at > 0 && top[at - 1].Weight < weight)
        {
            at--;
        }

        if (at >= n)
        {
            return;
        }

        top.Insert(at, (item, weight));
        if (top.Count > n)
        {
            top.RemoveAt(n);
        }
    }

    private static double Round(double value) => Math.Round(value, 4);
}
