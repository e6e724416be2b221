using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Engine.Graph;
using Clout.Engine.Model;
using Clout.Engine.Ranking;
using Clout.Importers;

namespace Clout.Application.Validation;

/// <summary>
/// Predictive validity (docs/validation.md): import a temporal dataset into a temporary store; for each cutoff,
/// score with only the days up to it, then rank the accounts active before it by what they receive after it
/// (distinct accounts that reshare, reply to or mention them; and the action count), beside baselines computed
/// on the same past: actions received, distinct actors, unweighted PageRank and followers (when given).
/// </summary>
public static class PredictiveValidation
{
    public static async Task<PredictiveResult> RunAsync(PredictiveOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var importer = ImporterRegistry.Find(options.Format)
            ?? throw new ArgumentException($"--format '{options.Format}' is not a known format; expected one of {ImporterRegistry.Names}");
        var log = new EventLog();
        await using var temp = await TemporaryStore.CreateAsync("predictive", cancellationToken);
        progress?.Report($"importing {options.DataPath}");
        await temp.Store.ImportAsync(log.Keep(importer.Read(options.DataPath, options.Import, cancellationToken)), null, cancellationToken);
        if (log.Count == 0)
        {
            throw new InvalidOperationException($"{options.DataPath}: no actions to validate on");
        }

        var network = options.Import.Network ?? Network.Generic;
        Dictionary<string, long>? followers = null;
        if (options.FollowsPath is { } follows)
        {
            progress?.Report($"importing the follow graph {follows}");
            followers = new Dictionary<string, long>(StringComparer.Ordinal);
            var followOptions = options.Import with { SnapshotDate = log.FirstDay };
            await temp.Store.ImportAsync(KeepFollowers(new Importers.Snap.SnapFollowsImporter().Read(follows, followOptions, cancellationToken), followers), null, cancellationToken);
        }

        var results = new List<CutoffResult>();
        foreach (var text in options.Cutoffs)
        {
            var day = ParseCutoff(text, log);
            progress?.Report($"cutoff {day:yyyy-MM-dd}: scoring");
            var outputs = new List<ModelOutput>();
            foreach (var model in options.Models)
            {
                outputs.Add(await EngineRun.RunAsync(temp.Store, model, day, cancellationToken));
            }

            results.Add(Evaluate(log, outputs, network, day, followers, options));
        }

        return new PredictiveResult(options.DataPath, log.Count, log.Accounts, results);
    }

    /// <summary>A day of the data: YYYY-MM-DD, or a day number (1 = the first UTC day of the data).</summary>
    public static DateOnly ParseCutoff(string text, EventLog log)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(log);
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
        {
            return log.FirstDay.AddDays(n - 1);
        }

        throw new ArgumentException($"--cutoffs '{text}' is not a cutoff; expected YYYY-MM-DD or a day number of the data (1 = {log.FirstDay:yyyy-MM-dd})");
    }

    private static IEnumerable<ImportRecord> KeepFollowers(IEnumerable<ImportItem> items, Dictionary<string, long> followers)
    {
        foreach (var item in items)
        {
            if (item.Error is { } error)
            {
                throw new ImportFailedException([error]);
            }

            if (item.Record is MetricsRecord m && m.Followers is { } f)
            {
                followers[m.Account] = f;
            }

            if (item.Record is not null)
            {
                yield return item.Record;
            }
        }
    }

    private static bool IsEngagement(ActionKind kind) =>
        kind is not (ActionKind.Follow or ActionKind.Unfollow or ActionKind.Block);

    private static CutoffResult Evaluate(EventLog log, List<ModelOutput> outputs, Network network, DateOnly day, Dictionary<string, long>? followers, PredictiveOptions options)
    {
        var end = (DayNumber.Of(day) + 1) * 86400L;
        var horizon = options.HorizonDays is { } h ? end + (h * 86400L) : long.MaxValue;
        var n = log.Accounts;
        var seen = new bool[n];
        var pastCount = new double[n];
        var pastDistinct = new double[n];
        var futureCount = new double[n];
        var futureDistinct = new double[n];
        var pastPairs = new HashSet<long>();
        var futurePairs = new HashSet<long>();
        var edgeTarget = new List<int>();
        var edgeActor = new List<int>();
        for (var i = 0; i < log.Count; i++)
        {
            var t = log.Time[i];
            var a = log.Actor[i];
            var b = log.Target[i];
            var engagement = IsEngagement(log.Kind[i]) && a != b;
            var pair = ((long)a << 32) | (uint)b;
            if (t < end)
            {
                seen[a] = true;
                seen[b] = true;
                if (engagement)
                {
                    pastCount[b]++;
                    if (pastPairs.Add(pair))
                    {
                        pastDistinct[b]++;
                        edgeTarget.Add(b);
                        edgeActor.Add(a);
                    }
                }
            }
            else if (t < horizon && engagement)
            {
                futureCount[b]++;
                if (futurePairs.Add(pair))
                {
                    futureDistinct[b]++;
                }
            }
        }

        var pagerank = UnweightedPageRank(n, edgeTarget, edgeActor);

        // Evaluate the accounts active before the cutoff, in the engine's canonical (hashed) order so ties fall fairly.
        var input = outputs[0].Input;
        var engineIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < input.Accounts; a++)
        {
            if (input.Network[a] == network)
            {
                engineIndex[input.SourceId[a]] = a;
            }
        }

        var accounts = new List<(int Engine, int Log)>();
        for (var i = 0; i < n; i++)
        {
            if (seen[i] && engineIndex.TryGetValue(log.Ids[i], out var e))
            {
                accounts.Add((e, i));
            }
        }

        accounts.Sort((x, y) => x.Engine.CompareTo(y.Engine));
        var predictors = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var m = 0; m < outputs.Count; m++)
        {
            var o = outputs[m];
            var name = outputs.Count == 1 ? "clout" : $"clout_{o.Parameters.Version}";
            predictors[name] = Column(accounts, x => Calibration.Score(o.AccountValue[x.Engine], o.Parameters.CalibrationMidpoint, o.Parameters.CalibrationExponent));
            if (m == 0)
            {
                predictors["reach"] = Column(accounts, x => o.Reach[x.Engine]);
                predictors["amplification"] = Column(accounts, x => o.Amplification[x.Engine]);
                predictors["network_impact"] = Column(accounts, x => o.NetworkImpact[x.Engine]);
            }
        }

        predictors["actions_received"] = Column(accounts, x => pastCount[x.Log]);
        predictors["distinct_actors"] = Column(accounts, x => pastDistinct[x.Log]);
        predictors["pagerank"] = Column(accounts, x => pagerank[x.Log]);
        if (followers is not null)
        {
            predictors["followers"] = Column(accounts, x => followers.TryGetValue(log.Ids[x.Log], out var f) ? f : 0);
        }

        var distinct = Column(accounts, x => futureDistinct[x.Log]);
        var count = Column(accounts, x => futureCount[x.Log]);
        var metrics = new Dictionary<string, MetricSet>(StringComparer.Ordinal);
        var countMetrics = new Dictionary<string, MetricSet>(StringComparer.Ordinal);
        foreach (var (name, values) in predictors)
        {
            metrics[name] = RankMetrics.All(values, distinct, options.K);
            countMetrics[name] = RankMetrics.All(values, count, options.K);
        }

        var withFuture = 0;
        long futureActions = 0;
        foreach (var v in distinct)
        {
            withFuture += v > 0 ? 1 : 0;
        }

        foreach (var v in count)
        {
            futureActions += (long)v;
        }

        return new CutoffResult(day, accounts.Count, withFuture, futureActions, metrics, countMetrics);
    }

    private static double[] Column(List<(int Engine, int Log)> accounts, Func<(int Engine, int Log), double> value)
    {
        var result = new double[accounts.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = value(accounts[i]);
        }

        return result;
    }

    /// <summary>Plain PageRank of the past interaction graph: every distinct actor→target pair one unit edge.</summary>
    private static double[] UnweightedPageRank(int n, List<int> targets, List<int> actors)
    {
        var ones = new float[targets.Count];
        Array.Fill(ones, 1f);
        var g = CsrBuilder.Build(n, targets.ToArray(), actors.ToArray(), ones);
        var outDegree = new double[n];
        for (long e = 0; e < g.Edges; e++)
        {
            outDegree[g.Other[e]] += g.Weight[e];
        }

        var teleport = new double[n];
        Array.Fill(teleport, 1.0 / Math.Max(1, n));
        var rank = PageRank.Run(g, outDegree, teleport, new PageRankOptions { Damping = 0.85, MaxIterations = 100, Tolerance = 1e-10 });
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = rank.Ranks[i];
        }

        return result;
    }
}
