using Clout.Core.Records;
using Clout.Generator;
using Clout.Importers.Interchange;

namespace Clout.Generator.Tests;

public class PopulationGeneratorTests
{
    private static List<ImportRecord> Generate(int people, ulong seed, int days = 30) =>
        new PopulationGenerator(new GeneratorOptions { People = people, Seed = seed, Days = days }).Generate().ToList();

    [Fact]
    public void The_same_seed_gives_the_same_file()
    {
        Serialize(Generate(300, 9)).ShouldBe(Serialize(Generate(300, 9)));
    }

    [Fact]
    public void Another_seed_gives_another_population()
    {
        Serialize(Generate(300, 9)).ShouldNotBe(Serialize(Generate(300, 10)));
    }

    [Fact]
    public void People_have_one_to_four_networks_and_labelled_interests()
    {
        var accounts = Generate(2000, 1).OfType<AccountRecord>().Where(a => a.Person is not null).ToList();
        var perPerson = accounts.GroupBy(a => a.Person).Select(g => g.Count()).ToList();

        perPerson.Count.ShouldBe(2000);
        perPerson.Min().ShouldBe(1);
        perPerson.Max().ShouldBe(4);
        perPerson.Count(n => n == 1).ShouldBeGreaterThan(perPerson.Count(n => n == 4));
        accounts.ShouldAllBe(a => a.Labels.Any(l => l.StartsWith("topic:", StringComparison.Ordinal)));
        accounts.Select(a => a.Network).Distinct().Count().ShouldBe(9);
    }

    [Fact]
    public void Bad_actors_are_present_and_labelled()
    {
        var records = Generate(3000, 2);
        var accounts = records.OfType<AccountRecord>().ToList();

        accounts.Count(a => a.Labels.Contains("bot")).ShouldBeGreaterThan(0);
        accounts.Count(a => a.Labels.Contains("spammer")).ShouldBeGreaterThan(0);
        accounts.Count(a => a.Labels.Contains("buys-engagement")).ShouldBeGreaterThan(0);
        accounts.Count(a => a.Labels.Contains("buys-followers")).ShouldBeGreaterThan(0);
        accounts.Count(a => a.Labels.Contains("pod")).ShouldBeGreaterThan(0);
        var bots = accounts.Where(a => a.Labels.Contains("bot")).Select(a => (a.Network, a.Id)).ToHashSet();
        records.OfType<ActionRecord>().Count(x => bots.Contains((x.Network, x.Actor))).ShouldBeGreaterThan(100);
        accounts.Where(a => a.Labels.Contains("bot")).ShouldAllBe(a => a.Created > new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Audiences_follow_a_power_law()
    {
        var received = Generate(5000, 3).OfType<ActionRecord>().GroupBy(x => x.Target).Select(g => g.Count()).OrderDescending().ToList();
        var top1Percent = received.Take(received.Count / 100).Sum();

        (top1Percent / (double)received.Sum()).ShouldBeGreaterThan(0.1);
        received[received.Count / 2].ShouldBeLessThan(received[0] / 20);
    }

    [Fact]
    public void Closed_networks_report_only_counters()
    {
        var records = Generate(2000, 4);
        records.OfType<ActionRecord>().ShouldNotContain(x => x.Network == Clout.Core.Domain.Network.Instagram);
        records.OfType<MetricsRecord>().ShouldContain(m => m.Network == Clout.Core.Domain.Network.Instagram && m.Received.Count > 0);
    }

    [Fact]
    public void Every_event_falls_inside_the_simulated_days()
    {
        var options = new GeneratorOptions { People = 500, Seed = 5, Days = 20 };
        var first = new DateTimeOffset(options.End.AddDays(-19).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var last = new DateTimeOffset(options.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var r in new PopulationGenerator(options).Generate())
        {
            var time = r switch { PostRecord p => p.Time, ActionRecord a => a.Time, _ => first };
            time.ShouldBeGreaterThanOrEqualTo(first);
            time.ShouldBeLessThan(last.AddHours(6));
        }
    }

    [Fact]
    public void Rejects_options_out_of_range()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new PopulationGenerator(new GeneratorOptions { People = 0 }));
        Should.Throw<ArgumentOutOfRangeException>(() => new PopulationGenerator(new GeneratorOptions { Days = 0 }));
    }

    private static string Serialize(List<ImportRecord> records)
    {
        using var buffer = new MemoryStream();
        using (var writer = new JsonLinesWriter(buffer))
        {
            foreach (var r in records)
            {
                writer.Write(r);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
