using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Generator;

public sealed partial class PopulationGenerator
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    private IEnumerable<ImportRecord> AccountRecords()
    {
        for (var a = 0; a < Accounts; a++)
        {
            var net = NetworkChoices[network[a]];
            var labels = new List<string>();
            string? owner = null;
            string? bio = null;
            string name;
            if (kind[a] == Genuine)
            {
                var p = person[a];
                owner = PersonKey(p);
                name = $"{Capital(firstNames[p])} {Capital(lastNames[p])}";
                bio = Bio(a);
                labels.Add("topic:" + topics[topic[a]].Slug);
                if (topic2[a] != topic[a])
                {
                    labels.Add("topic:" + topics[topic2[a]].Slug);
                }

                if (boughtVolume[a] > 0)
                {
                    labels.Add("buys-engagement");
                }

                if (fakeFollowers[a] > 0)
                {
                    labels.Add("buys-followers");
                }

                if (pod[a] >= 0)
                {
                    labels.Add("pod");
                }
            }
            else
            {
                name = kind[a] == Bot ? "Deals & Giveaways" : "Promo Bot";
                labels.Add(kind[a] == Bot ? "bot" : "spammer");
            }

            Summary.Accounts++;
            yield return new AccountRecord(net, AccountId(a))
            {
                Handle = Handle(a),
                Name = name,
                Created = DateTimeOffset.FromUnixTimeSeconds(created[a] * 86400L),
                Person = owner,
                Bio = bio,
                Labels = labels,
            };
        }
    }

    private IEnumerable<ImportRecord> MetricRecords(Rng rng)
    {
        for (var a = 0; a < Accounts; a++)
        {
            if (kind[a] != Genuine)
            {
                continue;
            }

            var net = NetworkChoices[network[a]];
            var received = new Dictionary<ActionKind, long>();
            if (!HasEvents(network[a]))
            {
                // Closed networks report only counters: simulate the same engagement, keep only the totals.
                var posts = rng.Poisson(postRate[a] * options.Days);
                var reactions = rng.Poisson(posts * ReactionRate(a));
                var likes = (long)Math.Round(reactions * 0.7);
                var comments = (long)Math.Round(reactions * 0.2);
                received[ActionKind.Like] = likes;
                received[ActionKind.Comment] = comments;
                received[ActionKind.Reshare] = reactions - likes - comments;
            }

            Summary.Metrics++;
            yield return new MetricsRecord(net, AccountId(a), options.End)
            {
                Days = options.Days,
                Followers = (long)Math.Round(fame[a] * 25 * rng.LogNormal(0, 0.4)) + fakeFollowers[a],
                Following = (long)Math.Round(60 * rng.LogNormal(0, 1)),
                Lists = net == Network.X ? (long)Math.Round(Math.Pow(fame[a], 0.8) * 0.3 * rng.LogNormal(0, 0.5)) : null,
                Posts = (long)Math.Round(postRate[a] * (lastDay - created[a])),
                Received = received,
            };
        }
    }

    private double ReactionRate(int a) => 0.35 * NetworkReactions[network[a]] * Math.Pow(fame[a], 0.85);

    private static string PersonKey(int p) => "p" + p.ToString(CultureInfo.InvariantCulture);

    private string Handle(int a)
    {
        var h = Mix((ulong)a * 31 + 7);
        if (kind[a] != Genuine)
        {
            return (kind[a] == Bot ? "user" : "promo") + (h % 100_000_000).ToString(CultureInfo.InvariantCulture);
        }

        var p = person[a];
        var same = Mix((ulong)p * 131 + network[a]) % 10 < 7;
        return same
            ? firstNames[p] + lastNames[p] + p.ToString(CultureInfo.InvariantCulture)
            : firstNames[p] + "_" + p.ToString(CultureInfo.InvariantCulture) + "_" + NetworkChoices[network[a]].Name();
    }

    internal string AccountId(int a)
    {
        var h = Mix((ulong)a + (options.Seed * 0x9E37UL));
        return NetworkChoices[network[a]] switch
        {
            Network.X => (100_000_000L + a).ToString(CultureInfo.InvariantCulture),
            Network.Mastodon => $"{Handle(a)}@{Names.MastodonInstances[(int)(h % (ulong)Names.MastodonInstances.Length)]}",
            Network.Bluesky => "did:plc:" + Encode32(h, Mix(h), 24),
            Network.Reddit => "t2_" + Encode32((ulong)a + 1_000_000, 0, 8),
            Network.YouTube => "UC" + Encode32(h, Mix(h + 1), 22),
            Network.Blog => $"https://{Handle(a).Replace('_', '-')}.blog.example/",
            Network.Instagram => (500_000_000L + a).ToString(CultureInfo.InvariantCulture),
            Network.Facebook => (100_000_000_000L + a).ToString(CultureInfo.InvariantCulture),
            _ => "urn:li:person:" + Encode32(h, 0, 10),
        };
    }

    private static string Encode32(ulong a, ulong b, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            var source = i < 12 ? a : b;
            chars[i] = Base32[(int)((source >> (5 * (i % 12))) & 31)];
        }

        return new string(chars);
    }

    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
