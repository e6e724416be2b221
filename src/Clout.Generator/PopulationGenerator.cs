using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Generator;

/// <summary>
/// Generates a realistic multi-network population as a stream of records: power-law audiences, people on one to
/// four networks, posting and engagement rates that vary by person, topical homophily, networks that only report
/// counters, and labelled bad actors (bought engagement from fresh bots, fake followers, engagement pods, spam
/// bots). Deterministic for a seed; memory grows with accounts, not events (10M people fit in a few GiB).
/// </summary>
public sealed partial class PopulationGenerator
{
    private const int Genuine = 0;
    private const int Bot = 1;
    private const int Spammer = 2;

    private static readonly Network[] NetworkChoices = [Network.X, Network.Mastodon, Network.Bluesky, Network.Reddit, Network.YouTube, Network.Blog, Network.Instagram, Network.Facebook, Network.LinkedIn];
    private static readonly double[] NetworkPopularity = [0.28, 0.08, 0.14, 0.12, 0.10, 0.05, 0.11, 0.07, 0.05];
    private static readonly double[] NetworkReactions = [1.0, 0.6, 0.8, 1.2, 2.0, 0.5, 1.5, 1.0, 0.7];
    private static readonly double[] NetworkCountProbability = [0.5, 0.3, 0.14, 0.06];

    private readonly GeneratorOptions options;
    private readonly IReadOnlyList<GeneratorTopic> topics;
    private readonly int firstDay;
    private readonly int lastDay;

    // Accounts, as columns.
    private readonly List<int> person = [];
    private readonly List<byte> network = [];
    private readonly List<byte> kind = [];
    private readonly List<float> fame = [];
    private readonly List<float> postRate = [];
    private readonly List<float> propensity = [];
    private readonly List<int> created = [];
    private readonly List<short> topic = [];
    private readonly List<short> topic2 = [];
    private readonly List<int> pod = [];
    private readonly List<int> fakeFollowers = [];
    private readonly List<int> boughtVolume = [];
    private readonly List<int> purchaseDay = [];
    private string[] firstNames = [];
    private string[] lastNames = [];
    private int[] suffix = [];
    private readonly List<List<int>> pods = [];
    private readonly Dictionary<byte, List<int>> botPools = [];

    public PopulationGenerator(GeneratorOptions options, IReadOnlyList<GeneratorTopic>? topics = null)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        this.topics = topics is { Count: > 0 } ? topics : DefaultTopics.All;
        lastDay = DayNumber.Of(options.End);
        firstDay = lastDay - options.Days + 1;
    }

    public GeneratorSummary Summary { get; } = new();

    /// <summary>The records: every account first, then posts and actions, then metric snapshots.</summary>
    public IEnumerable<ImportRecord> Generate()
    {
        var rng = new Rng(options.Seed);
        BuildPopulation(rng);
        foreach (var record in AccountRecords())
        {
            yield return record;
        }

        foreach (var record in Activity(new Rng(options.Seed ^ 0xA5A5A5A5UL)))
        {
            yield return record;
        }

        foreach (var record in Attributions(new Rng(options.Seed ^ 0x3C3C3C3CUL), attributionTables ?? []))
        {
            yield return record;
        }

        foreach (var record in MetricRecords(new Rng(options.Seed ^ 0x5A5A5A5AUL)))
        {
            yield return record;
        }
    }

    private int Accounts => person.Count;

    private void BuildPopulation(Rng rng)
    {
        var people = options.People;
        firstNames = new string[people];
        lastNames = new string[people];
        suffix = new int[people];
        for (var p = 0; p < people; p++)
        {
            firstNames[p] = Names.First[rng.Next(Names.First.Length)];
            lastNames[p] = Names.Last[rng.Next(Names.Last.Length)];
            suffix[p] = rng.Next(100_000);
            var personFame = rng.Pareto(1.5);
            var personActivity = rng.LogNormal(0, 0.8);
            var personPropensity = rng.LogNormal(Math.Log(1.5), 0.9);
            var primary = (short)rng.Next(topics.Count);
            var secondary = (short)rng.Next(topics.Count);
            var count = Draw(rng, NetworkCountProbability) + 1;
            var chosen = new List<int>();
            while (chosen.Count < count)
            {
                var n = Draw(rng, NetworkPopularity);
                if (!chosen.Contains(n))
                {
                    chosen.Add(n);
                }
            }

            var age = (int)Math.Min(5000, 120 + rng.LogNormal(Math.Log(900), 0.7));
            foreach (var n in chosen)
            {
                person.Add(p);
                network.Add((byte)n);
                kind.Add(Genuine);
                fame.Add((float)Math.Min(1e5, personFame * rng.LogNormal(0, 0.5)));
                postRate.Add((float)(0.2 * personActivity * rng.LogNormal(0, 0.3)));
                propensity.Add((float)(personPropensity * rng.LogNormal(0, 0.3)));
                created.Add(lastDay - age - rng.Next(400));
                topic.Add(primary);
                topic2.Add(secondary);
                pod.Add(-1);
                fakeFollowers.Add(0);
                boughtVolume.Add(0);
                purchaseDay.Add(0);
            }
        }

        Summary.People = people;
        AddBadActors(rng);
    }

    private static int Draw(Rng rng, double[] probabilities)
    {
        var u = rng.NextDouble();
        for (var i = 0; i < probabilities.Length; i++)
        {
            u -= probabilities[i];
            if (u < 0)
            {
                return i;
            }
        }

        return probabilities.Length - 1;
    }

    private static bool HasEvents(int networkChoice) => NetworkChoices[networkChoice] is not (Network.Instagram or Network.Facebook or Network.LinkedIn);
}
