using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Engine.Explaining;
using Clout.Engine.Model;
using Clout.Generator;
using Clout.Importers;

namespace Clout.Application.Validation;

/// <summary>
/// Gaming resistance (docs/validation.md): on a generated population or a dataset in a temporary store, pick
/// targets at a low and a mid score, then, each on its own copy of the store, inject bought engagement (fresh
/// accounts without standing resharing the target), fake followers (fresh accounts following it), an engagement
/// pod (aged accounts that reshare each other and the target, which returns the favour), aged bots (year-old
/// accounts nobody engages with, resharing the target), and the same volumes
/// of genuine engagement and follows from established accounts. Reports the score changes, the ratios and
/// whether the explanation flags the injection.
/// </summary>
public static class GamingValidation
{
    private const int PodSize = 10;

    public static async Task<GamingResult> RunAsync(GamingOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = options.Model;
        await using var temp = await TemporaryStore.CreateAsync("gaming", cancellationToken);
        DateOnly day;
        string population;
        var metrics = new Dictionary<(Network, string), MetricsRecord>();
        if (options.DataPath is { } path)
        {
            var importer = ImporterRegistry.Find(options.Format)
                ?? throw new ArgumentException($"--format '{options.Format}' is not a known format; expected one of {ImporterRegistry.Names}");
            var log = new EventLog();
            progress?.Report($"importing {path}");
            await temp.Store.ImportAsync(KeepMetrics(log.Keep(importer.Read(path, options.Import, cancellationToken)), metrics), null, cancellationToken);
            day = log.LastDay;
            population = Path.GetFileName(path);
        }
        else
        {
            var generator = new GeneratorOptions { People = options.People, Seed = options.Seed };
            progress?.Report($"generating {options.People:N0} people");
            await temp.Store.ImportAsync(KeepMetrics(new PopulationGenerator(generator).Generate(), metrics), null, cancellationToken);
            day = generator.End;
            population = $"generated, {options.People:N0} people, seed {options.Seed}";
        }

        progress?.Report("scoring the population as it is");
        var baseline = await EngineRun.RunAsync(temp.Store, model, day, cancellationToken);
        var cells = PickTargets(baseline, options);
        var pool = Established(baseline, cells, options.Seed);
        var changes = new Dictionary<string, List<(Cell Cell, double Change, bool Flagged, bool Discounted)>>(StringComparer.Ordinal);
        foreach (var kind in GamingResult.Kinds)
        {
            progress?.Report($"injecting {kind.Replace('_', ' ')}");
            await using var copy = await temp.CopyAsync("gaming-" + kind, cancellationToken);
            await copy.Store.ImportAsync(Inject(kind, cells, pool, baseline, day, metrics), null, cancellationToken);
            var output = await EngineRun.RunAsync(copy.Store, model, day, cancellationToken);
            var scores = EngineRun.PersonScores(output);
            var (people, _) = SnapshotBuilder.Build(output, day);
            var byPerson = people.ToDictionary(p => p.Person, StringComparer.Ordinal);
            var list = new List<(Cell, double, bool, bool)>();
            foreach (var cell in cells)
            {
                var after = scores.GetValueOrDefault(cell.Person, 1);
                var snapshot = byPerson.GetValueOrDefault(cell.Person);
                var flagged = snapshot is not null && snapshot.Explanation.Flags.Count > 0;
                var discounted = snapshot is not null && snapshot.Explanation.Discounted.Any(d => d.Actors > 0 && d.Reason is "fresh_account" or "no_standing" or "reciprocal_ring");
                list.Add((cell, after - cell.Score, flagged, discounted));
            }

            changes[kind] = list;
        }

        var rows = new List<GamingRow>();
        foreach (var level in new[] { "low", "mid" })
        {
            foreach (var volume in options.Volumes)
            {
                double Mean(string kind) => changes[kind].Where(c => c.Cell.Level == level && c.Cell.Volume == volume).Select(c => c.Change).DefaultIfEmpty(0).Average();
                foreach (var kind in GamingResult.Kinds)
                {
                    var these = changes[kind].Where(c => c.Cell.Level == level && c.Cell.Volume == volume).ToArray();
                    var mean = Mean(kind);
                    double? ratio = kind switch
                    {
                        "bought_engagement" or "aged_bots" or "pod" => Ratio(mean, Mean("genuine_engagement")),
                        "fake_followers" => Ratio(mean, Mean("genuine_follows")),
                        _ => null,
                    };
                    rows.Add(new GamingRow(level, volume, kind, these.Length, these.Select(c => c.Cell.Score).DefaultIfEmpty(0).Average(), mean, ratio, these.Count(c => c.Flagged), these.Count(c => c.Discounted)));
                }
            }
        }

        return new GamingResult(population, day, model.Version, rows);
    }

    private static IEnumerable<ImportRecord> KeepMetrics(IEnumerable<ImportRecord> records, Dictionary<(Network, string), MetricsRecord> metrics)
    {
        foreach (var record in records)
        {
            if (record is MetricsRecord m && (!metrics.TryGetValue((m.Network, m.Account), out var known) || known.Date <= m.Date))
            {
                metrics[(m.Network, m.Account)] = m;
            }

            yield return record;
        }
    }

    private static double? Ratio(double part, double genuine) => genuine > 1e-9 ? part / genuine : null;

    private sealed record Cell(string Level, int Volume, int Account, string Person, double Score, Network Network, string Id, int Index);

    /// <summary>Targets around the 25th (low) and 50th (mid) percentile of people who receive engagement, one account each.</summary>
    private static List<Cell> PickTargets(ModelOutput o, GamingOptions options)
    {
        var input = o.Input;
        var best = new Dictionary<int, int>();
        for (var a = 0; a < input.Accounts; a++)
        {
            var p = input.Person[a];
            if (o.RawReceived[a] > 0 && o.PersonActive[p] && o.PersonScore[p] > 1 && (!best.TryGetValue(p, out var b) || o.AccountValue[a] > o.AccountValue[b]))
            {
                best[p] = a;
            }
        }

        var candidates = best.Values.OrderBy(a => o.PersonScore[input.Person[a]]).ThenBy(a => a).ToArray();
        var needed = options.Volumes.Count * options.TargetsPerLevel;
        if (candidates.Length < needed * 2)
        {
            throw new InvalidOperationException($"the population has {candidates.Length} people who receive engagement; at least {needed * 2} are needed as targets");
        }

        var cells = new List<Cell>();
        foreach (var (level, q) in new[] { ("low", 0.25), ("mid", 0.5) })
        {
            var from = Math.Clamp((int)(q * candidates.Length) - (needed / 2), 0, candidates.Length - needed);
            for (var v = 0; v < options.Volumes.Count; v++)
            {
                for (var t = 0; t < options.TargetsPerLevel; t++)
                {
                    // Interleave volumes so each volume gets targets of the same spread of scores.
                    var a = candidates[from + (t * options.Volumes.Count) + v];
                    var p = input.Person[a];
                    cells.Add(new Cell(level, options.Volumes[v], a, input.PersonKeys[p], o.PersonScore[p], input.Network[a], input.SourceId[a], cells.Count));
                }
            }
        }

        return cells;
    }

    /// <summary>Established actors: high quality (aged, with standing, selective, not in rings), shuffled by the seed.</summary>
    private static int[] Established(ModelOutput o, List<Cell> cells, ulong seed)
    {
        var targets = cells.Select(c => c.Account).ToHashSet();
        var pool = Enumerable.Range(0, o.Input.Accounts).Where(a => !targets.Contains(a) && o.Quality[a] >= 0.8).ToArray();
        if (pool.Length < 50)
        {
            pool = Enumerable.Range(0, o.Input.Accounts).Where(a => !targets.Contains(a)).OrderByDescending(a => o.Quality[a]).ThenBy(a => a).Take(2_000).ToArray();
        }

        new Random((int)(seed % int.MaxValue)).Shuffle(pool);
        return pool;
    }

    private static IEnumerable<ImportRecord> Inject(string kind, List<Cell> cells, int[] pool, ModelOutput o, DateOnly day, Dictionary<(Network, string), MetricsRecord> metrics)
    {
        var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var fresh = noon.AddDays(-1);
        var aged = noon.AddDays(-365);
        var next = 0;
        foreach (var c in cells)
        {
            var net = c.Network;
            if (kind is "fake_followers" or "genuine_follows" && metrics.TryGetValue((net, c.Id), out var counters) && counters.Date == day && counters.Followers is { } followers)
            {
                // New followers raise the follower count too, whoever they are; the model decides what they are worth.
                yield return counters with { Followers = followers + c.Volume };
            }

            switch (kind)
            {
                case "bought_engagement" or "aged_bots" or "fake_followers":
                    var actionKind = kind == "fake_followers" ? ActionKind.Follow : ActionKind.Reshare;
                    for (var i = 0; i < c.Volume; i++)
                    {
                        var id = $"gaming-{kind}-{c.Index}-{i}";
                        yield return new AccountRecord(net, id) { Created = kind == "aged_bots" ? aged : fresh, Labels = [kind] };
                        yield return new ActionRecord(net, $"{id}:{c.Id}", actionKind, id, c.Id, noon);
                    }

                    break;
                case "pod":
                    // A pod: members engage each other and the target as much as the target is engaged, and the
                    // target returns each action (the pod's contract).
                    var size = Math.Min(PodSize, c.Volume);
                    var each = Math.Max(1, c.Volume / size);
                    for (var m = 0; m < size; m++)
                    {
                        yield return new AccountRecord(net, $"gaming-pod-{c.Index}-{m}") { Created = aged, Labels = ["pod"] };
                    }

                    for (var i = 0; i < c.Volume; i++)
                    {
                        var member = $"gaming-pod-{c.Index}-{i % size}";
                        yield return new ActionRecord(net, $"{member}:{c.Id}:{i}", ActionKind.Reshare, member, c.Id, noon.AddSeconds(i));
                        yield return new ActionRecord(net, $"{c.Id}:{member}:{i}", ActionKind.Reshare, c.Id, member, noon.AddSeconds(i));
                    }

                    for (var m = 0; m < size; m++)
                    {
                        for (var k = 0; k < size; k++)
                        {
                            for (var i = 0; i < each && k != m; i++)
                            {
                                yield return new ActionRecord(net, $"gaming-pod-{c.Index}-{m}:{k}:{i}", ActionKind.Reshare, $"gaming-pod-{c.Index}-{m}", $"gaming-pod-{c.Index}-{k}", noon.AddSeconds(i));
                            }
                        }
                    }

                    break;
                default:
                    var genuineKind = kind == "genuine_follows" ? ActionKind.Follow : ActionKind.Reshare;
                    var tries = 0;
                    for (var i = 0; i < c.Volume && tries++ < pool.Length * 4; i++)
                    {
                        var a = pool[next++ % pool.Length];
                        if (o.Input.Network[a] != net)
                        {
                            i--;
                            continue; // an actor on another network cannot act here
                        }

                        yield return new ActionRecord(net, $"gaming-{kind}-{c.Index}-{i}", genuineKind, o.Input.SourceId[a], c.Id, noon);
                    }

                    break;
            }
        }
    }
}
