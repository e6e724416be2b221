using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Engine.Explaining;
using Clout.Generator;
using Clout.Importers;

namespace Clout.Application.Validation;

/// <summary>
/// Stability (docs/validation.md): score every day of a dataset (or a generated population) in a temporary
/// store and collect each person's absolute daily change, separately for people whose own activity did not
/// change that day (none of their accounts acted, was acted on or posted).
/// </summary>
public static class StabilityValidation
{
    public static async Task<StabilityResult> RunAsync(StabilityOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var temp = await TemporaryStore.CreateAsync("stability", cancellationToken);
        var active = new HashSet<(string Id, int Day)>();
        string population;
        if (options.DataPath is { } path)
        {
            var importer = ImporterRegistry.Find(options.Format)
                ?? throw new ArgumentException($"--format '{options.Format}' is not a known format; expected one of {ImporterRegistry.Names}");
            progress?.Report($"importing {path}");
            await temp.Store.ImportAsync(Track(Records(importer.Read(path, options.Import, cancellationToken)), active), null, cancellationToken);
            population = Path.GetFileName(path);
        }
        else
        {
            var generator = new GeneratorOptions { People = options.People, Seed = options.Seed, Days = options.Days };
            progress?.Report($"generating {options.People:N0} people over {options.Days} days");
            await temp.Store.ImportAsync(Track(new PopulationGenerator(generator).Generate(), active), null, cancellationToken);
            population = $"generated, {options.People:N0} people over {options.Days} days, seed {options.Seed}";
        }

        var span = await temp.Store.GetActivitySpanAsync(cancellationToken)
            ?? throw new InvalidOperationException($"{population}: no activity to score");
        var from = span.First.AddDays(options.WarmupDays);
        if (from >= span.Last)
        {
            throw new InvalidOperationException($"{population} spans {span.First:yyyy-MM-dd}..{span.Last:yyyy-MM-dd}: too short for {options.WarmupDays} warm-up days");
        }

        var quiet = new List<double>();
        var everyone = new List<double>();
        Dictionary<string, double>? previous = null;
        Engine.Model.ModelOutput? last = null;
        for (var day = from.AddDays(-1); day <= span.Last; day = day.AddDays(1))
        {
            progress?.Report($"scoring {day:yyyy-MM-dd}");
            var output = await EngineRun.RunAsync(temp.Store, options.Model, day, cancellationToken);
            var scores = EngineRun.PersonScores(output);
            if (previous is not null)
            {
                var busy = BusyPeople(output, active, DayNumber.Of(day));
                foreach (var (person, score) in scores)
                {
                    if (previous.TryGetValue(person, out var before))
                    {
                        var change = Math.Abs(score - before);
                        everyone.Add(change);
                        if (!busy.Contains(person))
                        {
                            quiet.Add(change);
                        }
                    }
                }
            }

            previous = scores;
            last = output;
        }

        VersionDiff? comparison = null;
        if (options.Compare is { } other && last is not null)
        {
            progress?.Report($"comparing {other.Version} → {options.Model.Version} on {span.Last:yyyy-MM-dd}");
            var otherOutput = await EngineRun.RunAsync(temp.Store, other, span.Last, cancellationToken);
            comparison = VersionComparison.Compare(other.Version, options.Model.Version, span.Last, SnapshotBuilder.Build(otherOutput, span.Last).People, SnapshotBuilder.Build(last, span.Last).People);
        }

        return new StabilityResult(population, options.Model.Version, from, span.Last, ChangeDistribution.Of(quiet), ChangeDistribution.Of(everyone), comparison);
    }

    private static HashSet<string> BusyPeople(Engine.Model.ModelOutput output, HashSet<(string Id, int Day)> active, int day)
    {
        var input = output.Input;
        var busy = new HashSet<string>(StringComparer.Ordinal);
        for (var a = 0; a < input.Accounts; a++)
        {
            if (active.Contains((input.SourceId[a], day)))
            {
                busy.Add(input.PersonKeys[input.Person[a]]);
            }
        }

        return busy;
    }

    private static IEnumerable<ImportRecord> Records(IEnumerable<ImportItem> items)
    {
        foreach (var item in items)
        {
            if (item.Error is { } error)
            {
                throw new ImportFailedException([error]);
            }

            if (item.Record is not null)
            {
                yield return item.Record;
            }
        }
    }

    private static IEnumerable<ImportRecord> Track(IEnumerable<ImportRecord> records, HashSet<(string Id, int Day)> active)
    {
        foreach (var record in records)
        {
            switch (record)
            {
                case ActionRecord a:
                    var d = DayNumber.Of(a.Time);
                    active.Add((a.Actor, d));
                    active.Add((a.Target, d));
                    break;
                case PostRecord p:
                    active.Add((p.Account, DayNumber.Of(p.Time)));
                    break;
            }

            yield return record;
        }
    }
}
