using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Generator;

public sealed partial class PopulationGenerator
{
    /// <summary>List adds per account over 90 days, times fame^0.6: modest, and more for the better known.</summary>
    private const double ListRate = 0.15;

    /// <summary>Endorsements per account over 90 days, times fame^0.5.</summary>
    private const double EndorseRate = 0.08;

    private static readonly string[] ListTemplates = ["{name} folks", "{name}", "{tag} people", "best of {name}", "{tag}"];

    /// <summary>
    /// What others attribute to people: list adds named for one of the person's topics, and endorsements (+K) for
    /// them, by actors drawn like reactions (mostly from the same topic). A separate random stream, so adding them
    /// leaves the rest of a seed's population unchanged. Each endorser endorses a person for a topic at most once.
    /// </summary>
    private IEnumerable<ImportRecord> Attributions(Rng rng, Dictionary<byte, NetworkTables> tables)
    {
        var scale = options.Days / 90.0;
        for (var t = 0; t < Accounts; t++)
        {
            if (kind[t] != Genuine || !HasEvents(network[t]) || !tables.TryGetValue(network[t], out var table))
            {
                continue;
            }

            var net = NetworkChoices[network[t]];
            var target = AccountId(t);
            var lists = rng.Poisson(ListRate * scale * Math.Pow(fame[t], 0.6));
            for (var i = 0; i < lists; i++)
            {
                var actor = PickActor(rng, table, topic[t]);
                if (actor == t || person[actor] == person[t])
                {
                    continue;
                }

                var about = topics[rng.Chance(0.75) ? topic[t] : topic2[t]];
                var name = ListName(rng, about);
                Summary.Actions++;
                yield return new ActionRecord(net, $"list:{AccountId(actor)}:{target}:{i}", ActionKind.List, AccountId(actor), target, At(firstDay + rng.Next(options.Days), rng.Next(86_000)))
                {
                    Topic = name,
                };
            }

            var endorsements = rng.Poisson(EndorseRate * scale * Math.Pow(fame[t], 0.5));
            for (var i = 0; i < endorsements; i++)
            {
                var actor = PickActor(rng, table, topic[t]);
                if (actor == t || person[actor] == person[t])
                {
                    continue;
                }

                var slug = topics[rng.Chance(0.8) ? topic[t] : topic2[t]].Slug;
                Summary.Actions++;
                yield return new ActionRecord(net, $"endorse:{AccountId(actor)}:{target}:{slug}", ActionKind.Endorse, AccountId(actor), target, At(firstDay + rng.Next(options.Days), rng.Next(86_000)))
                {
                    Topic = slug,
                };
            }
        }
    }

    private static string ListName(Rng rng, GeneratorTopic about)
    {
        var name = about.Name ?? about.Slug.Replace('-', ' ');
        var tag = about.Hashtags.Count > 0 ? about.Hashtags[rng.Next(about.Hashtags.Count)] : about.Slug.Replace("-", string.Empty, StringComparison.Ordinal);
        var template = ListTemplates[rng.Next(ListTemplates.Length)];
        var text = template.Replace("{name}", name, StringComparison.Ordinal).Replace("{tag}", tag, StringComparison.Ordinal);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>A short profile for about half of the genuine accounts, naming their main interest (sometimes both).</summary>
    private string? Bio(int a)
    {
        var h = Mix(((ulong)a * 0x9E3779B97F4A7C15UL) ^ options.Seed);
        if (h % 100 >= 50)
        {
            return null;
        }

        var main = topics[topic[a]];
        var word = main.Keywords.Count > 0 ? main.Keywords[(int)((h >> 8) % (ulong)main.Keywords.Count)] : main.Name ?? main.Slug.Replace('-', ' ');
        if ((h >> 20) % 3 == 0 && topic2[a] != topic[a])
        {
            var other = topics[topic2[a]];
            var second = other.Keywords.Count > 0 ? other.Keywords[(int)((h >> 24) % (ulong)other.Keywords.Count)] : other.Name ?? other.Slug.Replace('-', ' ');
            return $"Into {word} and {second}. Views my own.";
        }

        return (h >> 32) % 2 == 0 ? $"Writing about {word}." : $"{word} enthusiast. Views my own.";
    }
}
