using System.Numerics;
using Clout.Core.Domain;
using Clout.Core.Scoring;

namespace Clout.Engine.Topics.Assignment;

/// <summary>
/// Turns a window's topic evidence into ranked topics per person, each with a 1–100 influence score and the evidence
/// behind it. Evidence is summed over all of a person's accounts (cross-network): what they post (hashtags,
/// keywords, links), the quality-weighted reactions to those posts, what others attribute to them (list names and
/// endorsements, weighted by the attributor's quality, once per attributor) and their profile text.
/// Pure and deterministic: people are independent, so they are processed in parallel into their own slots.
/// </summary>
public sealed partial class TopicAssigner(TopicAssignmentParameters? parameters = null)
{
    private readonly TopicAssignmentParameters p = parameters ?? TopicAssignmentParameters.Default;

    public TopicAssignmentParameters Parameters => p;

    public TopicAssignment Assign(TopicWindow window, AssignmentContext context)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(context);
        var persons = context.Persons;
        var accountsByPerson = Group(context.Person.Length, persons, a => context.Person[a]);
        var postsByPerson = Group(window.Posts, persons, i => context.Person[window.PostAccount(i)]);
        var attributionsByPerson = Group(window.Attributions, persons, i => context.Person[window.AttributionTarget(i)]);
        var weeks = Math.Max(1, (context.Decay.Length + 6) / 7);

        var topics = new IReadOnlyList<TopicScore>[persons];
        var breadth = new double[persons];
        var activeWeeks = new int[persons];
        Parallel.For(
            0,
            persons,
            () => new Buffers(window.Taxonomy.Count),
            (person, _, buffers) =>
            {
                ulong mask = 0;
                foreach (var a in accountsByPerson.Of(person))
                {
                    mask |= window.ActiveWeeks[a];
                }

                activeWeeks[person] = BitOperations.PopCount(mask);
                topics[person] = AssignPerson(person, window, context, accountsByPerson, postsByPerson, attributionsByPerson, buffers, out breadth[person]);
                return buffers;
            },
            _ => { });

        return new TopicAssignment { Topics = topics, Breadth = breadth, ActiveWeeks = activeWeeks, Weeks = Math.Min(64, weeks) };
    }

    private List<TopicScore> AssignPerson(int person, TopicWindow window, AssignmentContext context, Groups accounts, Groups posts, Groups attributions, Buffers b, out double breadth)
    {
        b.Reset();
        var taxonomy = window.Taxonomy;

        foreach (var post in posts.Of(person))
        {
            var age = context.Day - window.PostDay(post);
            var decay = age >= 0 && age < context.Decay.Length ? context.Decay[age] : 0;
            if (decay <= 0)
            {
                continue;
            }

            var reactions = Reactions(window.PostReactions(post)) * context.ReactionQuality[window.PostAccount(post)];
            var postTopics = window.PostTopics(post);
            var shares = window.PostShares(post);
            for (var i = 0; i < postTopics.Length; i++)
            {
                var t = b.Touch(postTopics[i]);
                b.Content[t] += shares[i] * decay;
                b.Reactions[t] += shares[i] * reactions * decay;
                b.Posts[t]++;
            }
        }

        foreach (var a in accounts.Of(person))
        {
            var profileTopics = window.ProfileTopics(a);
            var shares = window.ProfileShares(a);
            for (var i = 0; i < profileTopics.Length; i++)
            {
                var t = b.Touch(profileTopics[i]);
                b.Profile[t] = Math.Max(b.Profile[t], shares[i]);
            }
        }

        foreach (var i in attributions.Of(person))
        {
            var actor = window.AttributionActor(i);
            var actorPerson = context.Person[actor];
            if (actorPerson == person)
            {
                continue; // nobody vouches for themselves
            }

            var endorse = window.AttributionKind(i) == ActionKind.Endorse;
            var attributionTopics = window.AttributionTopics(i);
            var shares = window.AttributionShares(i);
            for (var j = 0; j < attributionTopics.Length; j++)
            {
                // Each attributor counts once per topic and kind, however often they list or endorse.
                var key = ((long)attributionTopics[j] << 33) | ((long)actorPerson << 1) | (endorse ? 1L : 0L);
                if (!b.Seen.Add(key))
                {
                    continue;
                }

                var t = b.Touch(attributionTopics[j]);
                var w = shares[j] * context.Quality[actor];
                if (endorse)
                {
                    b.Endorsements[t] += w;
                }
                else
                {
                    b.Lists[t] += w;
                }

                b.Attributors[t]++;
            }
        }

        breadth = Breadth(b);
        return Rank(person, window, context, accounts, posts, attributions, b);
    }

    private static double Reactions(ReadOnlySpan<int> counts)
    {
        // Weights by kind as in the scoring model's defaults: passing a post on counts more than liking it.
        double sum = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            if (counts[k] > 0)
            {
                sum += counts[k] * ReactionWeights[k];
            }
        }

        return sum;
    }

    private static readonly double[] ReactionWeights = [0.25, 1.0, 0.8, 0.8, 1.2, 0.6, 0, 0, 0, 0, 0];

    private static double Breadth(Buffers b)
    {
        double total = 0;
        foreach (var t in b.Touched)
        {
            total += b.Content[t] + b.Lists[t] + b.Endorsements[t];
        }

        if (total <= 0)
        {
            return 0;
        }

        double entropy = 0;
        foreach (var t in b.Touched)
        {
            var q = (b.Content[t] + b.Lists[t] + b.Endorsements[t]) / total;
            if (q > 0)
            {
                entropy -= q * Math.Log(q);
            }
        }

        var effective = Math.Exp(entropy);
        return (effective - 1) / (effective + 1);
    }

    private static Groups Group(int items, int groups, Func<int, int> groupOf)
    {
        var start = new int[groups + 1];
        for (var i = 0; i < items; i++)
        {
            start[groupOf(i) + 1]++;
        }

        for (var g = 0; g < groups; g++)
        {
            start[g + 1] += start[g];
        }

        var fill = new int[groups];
        var members = new int[items];
        for (var i = 0; i < items; i++)
        {
            var g = groupOf(i);
            members[start[g] + fill[g]++] = i;
        }

        return new Groups(start, members);
    }

    private sealed class Groups(int[] start, int[] members)
    {
        public ReadOnlySpan<int> Of(int group) => members.AsSpan(start[group], start[group + 1] - start[group]);
    }
}
