using Clout.Core.Scoring;

namespace Clout.Engine.Topics.Assignment;

public sealed partial class TopicAssigner
{
    // Rolled-up components, at Rolled[topic * 5 + k].
    private const int RContent = 0, RReactions = 1, RLists = 2, REndorsements = 3, RProfile = 4;

    private List<TopicScore> Rank(int person, TopicWindow window, AssignmentContext context, Groups accounts, Groups posts, Groups attributions, Buffers b)
    {
        var taxonomy = window.Taxonomy;
        foreach (var t in b.Touched)
        {
            b.AddCandidate(t);
            b.DirectPass[t] = Evidence(b.Content[t], b.Reactions[t], b.Lists[t], b.Endorsements[t], b.Profile[t]) >= p.MinEvidence
                && Pieces(b, t) >= p.MinPieces;
        }

        // Parents collect a share of their descendants' evidence, and count the descendants that stand on their own.
        var direct = b.Touched.Count;
        for (var i = 0; i < direct; i++)
        {
            var t = b.Touched[i];
            var factor = 1.0;
            for (var a = taxonomy.ParentOf(t); a >= 0; a = taxonomy.ParentOf(a))
            {
                factor *= p.ParentShare;
                b.AddCandidate(a);
                var r = b.Rolled.AsSpan(a * 5, 5);
                r[RContent] += factor * b.Content[t];
                r[RReactions] += factor * b.Reactions[t];
                r[RLists] += factor * b.Lists[t];
                r[REndorsements] += factor * b.Endorsements[t];
                r[RProfile] += factor * b.Profile[t];
                b.RolledPieces[a] += Pieces(b, t);
                if (b.DirectPass[t])
                {
                    b.AssignedBelow[a]++;
                }
            }
        }

        var chosen = new List<(int Topic, double Evidence, double Score)>();
        double strongest = 0;
        foreach (var c in b.Candidates)
        {
            var r = b.Rolled.AsSpan(c * 5, 5);
            var content = b.Content[c] + r[RContent];
            var reactions = b.Reactions[c] + r[RReactions];
            var lists = b.Lists[c] + r[RLists];
            var endorsements = b.Endorsements[c] + r[REndorsements];
            var profile = Math.Min(1, b.Profile[c] + r[RProfile]);
            var evidence = Evidence(content, reactions, lists, endorsements, profile);
            var enough = evidence >= p.MinEvidence && Pieces(b, c) + b.RolledPieces[c] >= p.MinPieces;

            // A topic reached only through one descendant stays with that descendant: "rust" does not make "software development".
            var pass = b.Marked[c] ? enough : enough && b.AssignedBelow[c] >= p.ParentChildren;
            if (!pass)
            {
                continue;
            }

            var value = (p.ContentInfluence * Math.Log(1 + content))
                + (p.ReactionInfluence * Math.Log(1 + reactions))
                + (p.AttributionInfluence * Math.Log(1 + lists + endorsements))
                + (p.ProfileInfluence * profile);
            chosen.Add((c, evidence, p.Score(value)));
            strongest = Math.Max(strongest, evidence);
        }

        chosen.RemoveAll(x => x.Evidence < p.MinShare * strongest);
        chosen.Sort((x, y) =>
        {
            var byScore = y.Score.CompareTo(x.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byEvidence = y.Evidence.CompareTo(x.Evidence);
            return byEvidence != 0 ? byEvidence : string.CompareOrdinal(taxonomy[x.Topic].Slug, taxonomy[y.Topic].Slug);
        });

        var result = new List<TopicScore>(Math.Min(chosen.Count, p.MaxTopics));
        for (var i = 0; i < chosen.Count && i < p.MaxTopics; i++)
        {
            var (topic, evidence, score) = chosen[i];
            result.Add(Describe(person, topic, evidence, score, window, context, accounts, posts, attributions, b));
        }

        return result;
    }

    private double Evidence(double content, double reactions, double lists, double endorsements, double profile) =>
        content + (p.ReactionWeight * Math.Log(1 + reactions)) + (p.ListWeight * lists) + (p.EndorsementWeight * endorsements) + (p.ProfileWeight * profile);

    private static int Pieces(Buffers b, int t) => b.Posts[t] + b.Attributors[t] + (b.Profile[t] > 0 ? 1 : 0);
}
