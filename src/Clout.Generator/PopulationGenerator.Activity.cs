using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Generator;

public sealed partial class PopulationGenerator
{
    private const double TopicalShare = 0.6;

    private static readonly (ActionKind Kind, double P)[] SocialReactions = [(ActionKind.Like, 0.5), (ActionKind.Reshare, 0.22), (ActionKind.Reply, 0.2), (ActionKind.Quote, 0.08)];
    private static readonly (ActionKind Kind, double P)[] ForumReactions = [(ActionKind.Like, 0.75), (ActionKind.Comment, 0.25)];
    private static readonly (ActionKind Kind, double P)[] VideoReactions = [(ActionKind.Like, 0.8), (ActionKind.Comment, 0.2)];
    private static readonly (ActionKind Kind, double P)[] BlogReactions = [(ActionKind.Comment, 0.9), (ActionKind.Like, 0.1)];
    private static readonly (ActionKind Kind, double P)[] PodReactions = [(ActionKind.Reshare, 0.4), (ActionKind.Reply, 0.3), (ActionKind.Like, 0.3)];
    private static readonly (ActionKind Kind, double P)[] BoughtReactions = [(ActionKind.Like, 0.5), (ActionKind.Reshare, 0.35), (ActionKind.Follow, 0.15)];

    private long sequence;
    private Dictionary<byte, NetworkTables>? attributionTables;

    private sealed class NetworkTables(List<int> members, AliasTable actors, AliasTable targets, Dictionary<short, (List<int> Members, AliasTable Actors)> byTopic)
    {
        public List<int> Members { get; } = members;

        public AliasTable Actors { get; } = actors;

        public AliasTable Targets { get; } = targets;

        public Dictionary<short, (List<int> Members, AliasTable Actors)> ByTopic { get; } = byTopic;
    }

    private IEnumerable<ImportRecord> Activity(Rng rng)
    {
        var tables = BuildTables();
        attributionTables = tables;
        var postIds = new List<(string Id, int Day)>();
        for (var t = 0; t < Accounts; t++)
        {
            if (kind[t] != Genuine || !HasEvents(network[t]) || !tables.TryGetValue(network[t], out var table))
            {
                continue;
            }

            var net = NetworkChoices[network[t]];
            var target = AccountId(t);
            postIds.Clear();
            var posts = rng.Poisson(postRate[t] * options.Days);
            for (var i = 0; i < posts; i++)
            {
                var day = firstDay + rng.Next(options.Days);
                var time = At(day, rng.Next(0, 72_000));
                var postId = NextId("p");
                postIds.Add((postId, day));
                Summary.Posts++;
                yield return new PostRecord(net, postId, target, time, PostKind.Post) { Text = Text(rng, t) };

                var reactions = rng.Poisson(ReactionRate(t));
                for (var r = 0; r < reactions; r++)
                {
                    var actor = PickActor(rng, table, topic[t]);
                    if (actor == t || person[actor] == person[t])
                    {
                        continue;
                    }

                    foreach (var record in React(rng, net, actor, t, postId, time, Pick(rng, ReactionsOf(net))))
                    {
                        yield return record;
                    }
                }

                if (rng.Chance(0.08))
                {
                    var mentioned = table.Members[table.Targets.Sample(rng)];
                    if (mentioned != t)
                    {
                        Summary.Actions++;
                        yield return new ActionRecord(net, NextId("m"), ActionKind.Mention, target, AccountId(mentioned), time) { Post = postId };
                    }
                }

                if (pod[t] >= 0)
                {
                    foreach (var member in pods[pod[t]])
                    {
                        if (member != t && rng.Chance(0.7))
                        {
                            foreach (var record in React(rng, net, member, t, postId, time, Pick(rng, PodReactions)))
                            {
                                yield return record;
                            }
                        }
                    }
                }
            }

            var follows = rng.Poisson(0.004 * fame[t] * options.Days);
            for (var i = 0; i < follows; i++)
            {
                var actor = PickActor(rng, table, topic[t]);
                if (actor != t && person[actor] != person[t])
                {
                    Summary.Actions++;
                    var day = firstDay + rng.Next(options.Days);
                    yield return new ActionRecord(net, $"follow:{AccountId(actor)}:{target}", ActionKind.Follow, AccountId(actor), target, At(day, rng.Next(86_000)));
                }
            }

            foreach (var record in Purchases(rng, t, net, target, postIds))
            {
                yield return record;
            }
        }

        foreach (var record in Spam(rng, tables))
        {
            yield return record;
        }
    }

    private IEnumerable<ImportRecord> React(Rng rng, Network net, int actor, int target, string postId, DateTimeOffset postTime, ActionKind reaction)
    {
        var time = postTime.AddSeconds(rng.Next(30, 14_000));
        var actionId = NextId("a");
        Summary.Actions++;
        yield return new ActionRecord(net, actionId, reaction, AccountId(actor), AccountId(target), time) { Post = postId };
        if (reaction is ActionKind.Reply or ActionKind.Quote or ActionKind.Reshare or ActionKind.Comment)
        {
            // Replies, quotes and reshares are also posts of the actor, pointing at the post they answer.
            var postKind = reaction switch
            {
                ActionKind.Quote => PostKind.Quote,
                ActionKind.Reshare => PostKind.Reshare,
                _ => PostKind.Reply,
            };
            Summary.Posts++;
            yield return new PostRecord(net, "r" + actionId, AccountId(actor), time, postKind)
            {
                Parent = postId,
                Text = postKind == PostKind.Reshare ? null : Text(rng, actor),
            };
        }
    }

    private IEnumerable<ImportRecord> Purchases(Rng rng, int t, Network net, string target, List<(string Id, int Day)> postIds)
    {
        if (!botPools.TryGetValue(network[t], out var pool) || pool.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < boughtVolume[t]; i++)
        {
            var bot = pool[rng.Next(pool.Count)];
            var day = Math.Min(lastDay, purchaseDay[t] + rng.Next(3));
            var reaction = Pick(rng, BoughtReactions);
            var time = At(day, rng.Next(86_000));
            Summary.Actions++;
            Summary.BoughtActions++;
            if (reaction == ActionKind.Follow)
            {
                yield return new ActionRecord(net, $"follow:{AccountId(bot)}:{target}", reaction, AccountId(bot), target, time);
                continue;
            }

            var post = postIds.Count == 0 ? null : postIds[rng.Next(postIds.Count)].Id;
            yield return new ActionRecord(net, NextId("b"), reaction, AccountId(bot), target, time) { Post = post };
        }

        var fakes = Math.Min(fakeFollowers[t], pool.Count);
        var first = rng.Next(pool.Count);
        var followDay = lastDay - rng.Next(1, Math.Max(2, Math.Min(60, options.Days)));
        for (var i = 0; i < fakes; i++)
        {
            var bot = pool[(first + i) % pool.Count];
            Summary.Actions++;
            Summary.FakeFollows++;
            yield return new ActionRecord(net, $"follow:{AccountId(bot)}:{target}", ActionKind.Follow, AccountId(bot), target, At(followDay, rng.Next(86_000)));
        }
    }

    private IEnumerable<ImportRecord> Spam(Rng rng, Dictionary<byte, NetworkTables> tables)
    {
        for (var s = 0; s < Accounts; s++)
        {
            if (kind[s] != Spammer || !tables.TryGetValue(network[s], out var table))
            {
                continue;
            }

            var net = NetworkChoices[network[s]];
            var count = rng.Poisson(20.0 * options.Days);
            for (var i = 0; i < count; i++)
            {
                var target = table.Members[table.Targets.Sample(rng)];
                Summary.Actions++;
                yield return new ActionRecord(net, NextId("s"), ActionKind.Like, AccountId(s), AccountId(target), At(firstDay + rng.Next(options.Days), rng.Next(86_000)));
            }
        }
    }

    private Dictionary<byte, NetworkTables> BuildTables()
    {
        var tables = new Dictionary<byte, NetworkTables>();
        foreach (var group in Enumerable.Range(0, Accounts).Where(a => kind[a] == Genuine && HasEvents(network[a])).GroupBy(a => network[a]).OrderBy(g => g.Key))
        {
            var members = group.ToList();
            var actors = new AliasTable(members.Select(a => (double)propensity[a]).ToArray());
            var targets = new AliasTable(members.Select(a => Math.Pow(fame[a], 0.85)).ToArray());
            var byTopic = new Dictionary<short, (List<int>, AliasTable)>();
            foreach (var topical in members.GroupBy(a => topic[a]).OrderBy(g => g.Key))
            {
                var list = topical.ToList();
                byTopic[topical.Key] = (list, new AliasTable(list.Select(a => (double)propensity[a]).ToArray()));
            }

            tables[group.Key] = new NetworkTables(members, actors, targets, byTopic);
        }

        return tables;
    }

    private static int PickActor(Rng rng, NetworkTables table, short topicIndex)
    {
        if (rng.Chance(TopicalShare) && table.ByTopic.TryGetValue(topicIndex, out var topical) && topical.Members.Count > 1)
        {
            return topical.Members[topical.Actors.Sample(rng)];
        }

        return table.Members[table.Actors.Sample(rng)];
    }

    private static (ActionKind Kind, double P)[] ReactionsOf(Network net) => net switch
    {
        Network.Reddit => ForumReactions,
        Network.YouTube => VideoReactions,
        Network.Blog => BlogReactions,
        _ => SocialReactions,
    };

    private static ActionKind Pick(Rng rng, (ActionKind Kind, double P)[] choices)
    {
        var u = rng.NextDouble();
        foreach (var (k, p) in choices)
        {
            u -= p;
            if (u < 0)
            {
                return k;
            }
        }

        return choices[^1].Kind;
    }

    private string Text(Rng rng, int a)
    {
        var t = topics[rng.Chance(0.75) ? topic[a] : topic2[a]];
        var keyword = t.Keywords.Count > 0 ? t.Keywords[rng.Next(t.Keywords.Count)] : t.Slug.Replace('-', ' ');
        var text = Names.Templates[rng.Next(Names.Templates.Length)].Replace("{k}", keyword, StringComparison.Ordinal);
        if (t.Hashtags.Count > 0 && rng.Chance(0.7))
        {
            text += " #" + t.Hashtags[rng.Next(t.Hashtags.Count)];
        }

        if (t.Domains.Count > 0 && rng.Chance(0.2))
        {
            text += $" https://{t.Domains[rng.Next(t.Domains.Count)]}/{Mix((ulong)sequence) % 100_000}";
        }

        return text;
    }

    private string NextId(string prefix) => prefix + (++sequence).ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset At(int day, int seconds) => DateTimeOffset.FromUnixTimeSeconds((day * 86400L) + seconds);
}
