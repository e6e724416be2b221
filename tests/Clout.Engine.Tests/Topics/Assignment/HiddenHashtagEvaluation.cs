using Clout.Core.Domain;
using Clout.Engine.Topics;
using Clout.Engine.Topics.Assignment;

namespace Clout.Engine.Tests.Topics.Assignment;

/// <summary>
/// Hides a random fifth of each account's hashtags, assigns topics from the rest, and measures how often a hidden
/// hashtag (one the taxonomy knows) falls within an assigned topic, beside a baseline that gives every account the
/// globally most frequent topics (as many as we assigned it).
/// </summary>
internal static class HiddenHashtagEvaluation
{
    public sealed record Result(int Accounts, int AccountsWithTopics, int Hidden, int Hits, int BaselineHits, double TopicsPerAccount)
    {
        public double HitRate => Hidden == 0 ? 0 : Hits / (double)Hidden;

        public double BaselineRate => Hidden == 0 ? 0 : BaselineHits / (double)Hidden;
    }

    public static Result Run(SortedDictionary<long, SortedSet<string>> hashtags, int minHashtags, ulong seed)
    {
        var taxonomy = TopicTaxonomy.Default;
        var matcher = new TopicMatcher(taxonomy);
        var day = new DateOnly(2026, 11, 1);
        var nodes = hashtags.Where(h => h.Value.Count >= minHashtags).Select(h => (Node: h.Key, Tags: h.Value.ToArray())).ToList();
        var window = new TopicWindow(matcher, nodes.Count, day, id => (int)id);
        var hidden = new List<string>[nodes.Count];
        var reactions = new int[TopicWindow.Kinds];
        for (var a = 0; a < nodes.Count; a++)
        {
            var tags = nodes[a].Tags;
            Shuffle(tags, seed ^ (ulong)nodes[a].Node);
            var hide = Math.Max(1, (int)Math.Round(tags.Length / 5.0));
            hidden[a] = [.. tags.Take(hide)];
            foreach (var tag in tags.Skip(hide))
            {
                window.Post(a, tag, PostKind.Post, DayNumber.Of(day), tag, reactions);
            }
        }

        var assignment = new TopicAssigner().Assign(window, new AssignmentContext
        {
            Day = DayNumber.Of(day),
            Person = [.. Enumerable.Range(0, nodes.Count)],
            PersonKeys = [.. nodes.Select(n => n.Node.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Network = [.. nodes.Select(_ => Network.X)],
            SourceId = [.. nodes.Select(n => n.Node.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Quality = [.. nodes.Select(_ => 1.0)],
            ReactionQuality = [.. nodes.Select(_ => 1.0)],
            Decay = [1.0],
        });

        // The baseline's topics: those assigned to the most accounts, most frequent first.
        var frequency = new int[taxonomy.Count];
        foreach (var topics in assignment.Topics)
        {
            foreach (var t in topics)
            {
                frequency[taxonomy.IndexOf(t.Slug)]++;
            }
        }

        var popular = Enumerable.Range(0, taxonomy.Count).Where(t => frequency[t] > 0).OrderByDescending(t => frequency[t]).ThenBy(t => t).ToArray();
        int total = 0, hits = 0, baselineHits = 0, withTopics = 0, assigned = 0;
        var evidence = new List<TopicEvidence>();
        for (var a = 0; a < nodes.Count; a++)
        {
            var ours = assignment.Topics[a].Select(t => taxonomy.IndexOf(t.Slug)).ToArray();
            var baseline = popular.Take(ours.Length).ToArray();
            withTopics += ours.Length > 0 ? 1 : 0;
            assigned += ours.Length;
            foreach (var tag in hidden[a])
            {
                evidence.Clear();
                matcher.MatchPost(tag, evidence);
                if (evidence.Count == 0)
                {
                    continue; // the taxonomy does not know this hashtag: nothing to measure
                }

                total++;
                hits += Within(taxonomy, evidence, ours) ? 1 : 0;
                baselineHits += Within(taxonomy, evidence, baseline) ? 1 : 0;
            }
        }

        return new Result(nodes.Count, withTopics, total, hits, baselineHits, withTopics == 0 ? 0 : assigned / (double)withTopics);
    }

    private static bool Within(TopicTaxonomy taxonomy, List<TopicEvidence> evidence, int[] topics)
    {
        foreach (var e in evidence)
        {
            foreach (var t in topics)
            {
                if (taxonomy.IsWithin(e.Topic, t))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void Shuffle(string[] items, ulong seed)
    {
        var state = seed | 1;
        for (var i = items.Length - 1; i > 0; i--)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            var j = (int)(state % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
