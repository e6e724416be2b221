using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Engine.Model;

namespace Clout.Engine.Explaining;

/// <summary>
/// Turns a model run into published snapshots. Every point of a score is attributed: the base point, then the
/// rest in proportion to each account's value parts (reach by signal, amplification, network impact, audience),
/// so the contributions add up to the score by construction.
/// </summary>
public static class SnapshotBuilder
{
    private const int TopEngagers = 5;

    /// <summary>Contributions smaller than this (points) are folded into one "other signals" line.</summary>
    private const double SmallestContribution = 0.01;

    private static readonly string[] ReasonNames = ["fresh_account", "no_standing", "indiscriminate", "reciprocal_ring"];

    private static readonly string[] ReasonDescriptions =
    [
        "from accounts created recently (the newest count for nothing)",
        "from accounts nobody else engages with or follows",
        "from accounts that act on almost everything they see",
        "returned in kind by accounts you engage with, as in rings that act on each other",
    ];

    public static (IReadOnlyList<ScoreSnapshot> People, IReadOnlyList<AccountScore> Accounts) Build(ModelOutput output, DateOnly day)
    {
        var people = new PersonSnapshots(output, day);
        var snapshots = new ScoreSnapshot[people.Count];
        Parallel.For(0, people.Count, i => snapshots[i] = people.Build(i));
        return (snapshots, AccountScores(output));
    }

    /// <summary>The published score of every account that acted, posted or has value.</summary>
    public static IReadOnlyList<AccountScore> AccountScores(ModelOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var input = output.Input;
        var accountScores = new List<AccountScore>();
        var p = output.Parameters;
        for (var a = 0; a < input.Accounts; a++)
        {
            if (input.ActionsSent[a] > 0 || output.AccountValue[a] > 0 || input.PostsRaw[a] > 0)
            {
                accountScores.Add(new AccountScore(
                    input.Network[a],
                    input.SourceId[a],
                    input.PersonKeys[input.Person[a]],
                    output.Quality[a],
                    output.AccountValue[a],
                    Calibration.Score(output.AccountValue[a], p.CalibrationMidpoint, p.CalibrationExponent)));
            }
        }

        return accountScores;
    }

    /// <summary>
    /// The snapshots of a model run, one per active person in canonical order, built one at a time on request (pure:
    /// the same index always gives the same snapshot), so a daily run never needs every explanation in memory at once.
    /// </summary>
    public sealed class PersonSnapshots
    {
        private readonly ModelOutput output;
        private readonly DateOnly day;
        private readonly int[] start;
        private readonly int[] accounts;
        private readonly int[] persons;

        public PersonSnapshots(ModelOutput output, DateOnly day)
        {
            ArgumentNullException.ThrowIfNull(output);
            this.output = output;
            this.day = day;
            var count = output.Input.PersonKeys.Length;
            (start, accounts) = AccountsByPerson(output.Input.Person, count);
            var active = new List<int>(count);
            for (var person = 0; person < count; person++)
            {
                if (output.PersonActive[person])
                {
                    active.Add(person);
                }
            }

            persons = [.. active];
        }

        /// <summary>How many people get a snapshot (the active ones).</summary>
        public int Count => persons.Length;

        /// <summary>The model's person index of the <paramref name="i"/>-th snapshot.</summary>
        public int Person(int i) => persons[i];

        public ScoreSnapshot Build(int i)
        {
            var person = persons[i];
            return BuildPerson(output, day, person, accounts.AsSpan(start[person], start[person + 1] - start[person]).ToArray());
        }
    }

    private static (int[] Start, int[] Accounts) AccountsByPerson(int[] person, int people)
    {
        var start = new int[people + 1];
        foreach (var p in person)
        {
            start[p + 1]++;
        }

        for (var i = 0; i < people; i++)
        {
            start[i + 1] += start[i];
        }

        var cursor = (int[])start.Clone();
        var accounts = new int[person.Length];
        for (var a = 0; a < person.Length; a++)
        {
            accounts[cursor[person[a]]++] = a;
        }

        return (start, accounts);
    }

    private static ScoreSnapshot BuildPerson(ModelOutput o, DateOnly day, int person, int[] accounts)
    {
        var input = o.Input;
        var p = o.Parameters;
        var score = o.PersonScore[person];
        var value = o.PersonValue[person];
        var perValue = value > 0 ? (score - 1) / value : 0;
        var contributions = new List<Contribution> { new("base point everyone starts with", 1, "base", null, null, "base", 1) };
        var parts = new List<NetworkPart>();
        double reach = 0, amplification = 0, impact = 0, audience = 0, folded = 0;
        void Add(Contribution c)
        {
            if (Math.Abs(c.Points) < SmallestContribution)
            {
                folded += c.Points;
            }
            else
            {
                contributions.Add(c);
            }
        }

        foreach (var a in accounts)
        {
            var network = input.Network[a];
            var id = input.SourceId[a];
            var who = input.Handle[a] is { } h ? $"@{h} on {network.Name()}" : $"{network.Name()}:{id}";
            var v = o.ValueParts(a);
            if (o.ReachFromCounters[a])
            {
                Add(new Contribution($"{who}: engagement reported by the network's counters (reach)", v[0] * perValue, "reach", network, id, "reach.counters", o.Reach[a]));
            }
            else
            {
                for (var g = 0; g < SignalGroups.Count; g++)
                {
                    var groupReach = o.ReachByGroup[(a * SignalGroups.Count) + g];
                    if (groupReach > 0)
                    {
                        var group = (SignalGroup)g;
                        Add(new Contribution($"{who}: {group.Label()} from distinct, genuine accounts (reach)", p.ReachWeight * groupReach * perValue, "reach", network, id, "reach." + group.Name(), groupReach));
                    }
                }
            }

            Add(new Contribution($"{who}: engagement per post (amplification)", v[1] * perValue, "amplification", network, id, "amplification", o.Amplification[a]));
            Add(new Contribution($"{who}: influence of the accounts that engage (network impact)", v[2] * perValue, "network_impact", network, id, "network_impact", o.NetworkImpact[a]));
            Add(new Contribution($"{who}: followers (audience)", v[3] * perValue, "audience", network, id, "audience.followers", o.FollowersEffective[a]));
            Add(new Contribution($"{who}: lists it is on (audience)", v[4] * perValue, "audience", network, id, "audience.lists", Math.Max(0, input.Lists[a])));
            reach += v[0] * perValue;
            amplification += v[1] * perValue;
            impact += v[2] * perValue;
            audience += (v[3] + v[4]) * perValue;
            parts.Add(new NetworkPart(network, id, input.Handle[a], (v[0] + v[1] + v[2] + v[3] + v[4]) * perValue, v[0] * perValue, v[1] * perValue, v[2] * perValue, (v[3] + v[4]) * perValue));
        }

        if (folded != 0)
        {
            contributions.Add(new Contribution("other small signals", folded, "other", null, null, "other", 0));
        }

        contributions.Sort((x, y) => y.Points.CompareTo(x.Points));
        return new ScoreSnapshot(input.PersonKeys[person], day, p.Version, score, Buckets.Of(score))
        {
            Reach = reach,
            Amplification = amplification,
            NetworkImpact = impact,
            Audience = audience,
            Networks = parts,
            Explanation = new Explanation
            {
                Contributions = contributions,
                Discounted = Discounted(o, accounts, out var flags),
                Flags = flags,
                Influencers = Influencers(o, accounts, person),
                Influencees = Influencees(o, accounts, person),
                Totals = Totals(o, accounts),
            },
        };
    }

    private static List<DiscountedSignal> Discounted(ModelOutput o, int[] accounts, out List<string> flags)
    {
        var list = new List<DiscountedSignal>();
        flags = [];
        double received = 0;
        foreach (var a in accounts)
        {
            received += o.RawReceived[a];
        }

        var volume = new double[ScoringModel.Reasons];
        for (var k = 0; k < ScoringModel.Reasons; k++)
        {
            double lost = 0;
            var actors = 0;
            foreach (var a in accounts)
            {
                lost += o.Lost[(a * ScoringModel.Reasons) + k];
                volume[k] += o.FlaggedVolume[(a * ScoringModel.Reasons) + k];
                actors += o.FlaggedActors[(a * ScoringModel.Reasons) + k];
            }

            if (lost >= 0.01 || actors > 0)
            {
                list.Add(new DiscountedSignal(ReasonNames[k], volume[k], lost, actors, $"engagement {ReasonDescriptions[k]}"));
            }
        }

        if (received > 0)
        {
            var bought = Math.Max(volume[0], volume[1]) / received;
            if (bought >= 0.25 && Math.Max(volume[0], volume[1]) >= 2)
            {
                flags.Add($"likely bought or fake engagement: {bought:P0} of the engagement received came from new accounts or accounts without standing; it counts for little");
            }

            var ring = volume[3] / received;
            if (ring >= 0.3 && volume[3] >= 2)
            {
                flags.Add($"engagement ring: {ring:P0} of the engagement received is returned in kind by the same accounts; it counts for less");
            }

            var spray = volume[2] / received;
            if (spray >= 0.5 && volume[2] >= 2)
            {
                flags.Add($"{spray:P0} of the engagement received came from accounts that act on almost everything; each such action counts for little");
            }
        }

        return list;
    }

    private static Dictionary<string, double> Totals(ModelOutput o, int[] accounts)
    {
        var input = o.Input;
        double engagers = 0, effective = 0, raw = 0, actions = 0, posts = 0, followers = 0, rank = 0;
        foreach (var a in accounts)
        {
            engagers += o.Reach[a];
            effective += o.Engagement[a];
            raw += o.RawReceived[a];
            actions += input.ActionsReceived[a];
            posts += input.PostsRaw[a];
            followers += Math.Max(0, input.Followers[a]);
            rank = Math.Max(rank, o.Rank[a]);
        }

        return new Dictionary<string, double>
        {
            ["genuine_engagers"] = engagers,
            ["effective_engagement"] = effective,
            ["weighted_engagement_received"] = raw,
            ["actions_received"] = actions,
            ["posts"] = posts,
            ["followers"] = followers,
            ["network_rank"] = rank,
        };
    }

    private static List<Engager> Influencers(ModelOutput o, int[] accounts, int person)
    {
        var g = o.Graph;
        var top = new List<(double Weight, int Actor)>();
        foreach (var t in accounts)
        {
            for (var e = g.Start[t]; e < g.Start[t + 1]; e++)
            {
                var a = g.Other[e];
                if (o.Input.Person[a] != person && g.Weight[e] > 0)
                {
                    Keep(top, (g.Weight[e] * (1 + Math.Log(1 + o.Rank[a])), a));
                }
            }
        }

        return ToEngagers(o, top);
    }

    private static List<Engager> Influencees(ModelOutput o, int[] accounts, int person)
    {
        var g = o.Outgoing;
        var top = new List<(double Weight, int Target)>();
        foreach (var a in accounts)
        {
            for (var e = g.Start[a]; e < g.Start[a + 1]; e++)
            {
                var t = g.Other[e];
                if (o.Input.Person[t] != person && g.Weight[e] > 0)
                {
                    Keep(top, (g.Weight[e], t));
                }
            }
        }

        return ToEngagers(o, top);
    }

    private static void Keep(List<(double Weight, int Account)> top, (double Weight, int Account) candidate)
    {
        // Several of a person's accounts may see the same engager: keep its best edge once.
        for (var i = 0; i < top.Count; i++)
        {
            if (top[i].Account == candidate.Account)
            {
                if (candidate.Weight > top[i].Weight)
                {
                    top[i] = candidate;
                }

                return;
            }
        }

        if (top.Count < TopEngagers)
        {
            top.Add(candidate);
            return;
        }

        var min = 0;
        for (var i = 1; i < top.Count; i++)
        {
            if (top[i].Weight < top[min].Weight || (top[i].Weight == top[min].Weight && top[i].Account > top[min].Account))
            {
                min = i;
            }
        }

        if (candidate.Weight > top[min].Weight)
        {
            top[min] = candidate;
        }
    }

    private static List<Engager> ToEngagers(ModelOutput o, List<(double Weight, int Account)> top)
    {
        top.Sort((x, y) => x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : x.Account.CompareTo(y.Account));
        var input = o.Input;
        return top.Select(t => new Engager(input.PersonKeys[input.Person[t.Account]], input.Network[t.Account], input.SourceId[t.Account], input.Handle[t.Account], t.Weight, o.Quality[t.Account])).ToList();
    }
}
