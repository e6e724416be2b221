using Clout.Application.Validation;
using Clout.Engine.Model;
using Clout.Tests;

namespace Clout.Cli.Tests.Validation;

public sealed class PredictiveValidationTests
{
    /// <summary>The first three days of Higgs (about 54,000 actions), cut at the end of day 2.</summary>
    [Fact]
    public async Task The_score_and_its_reach_predict_future_engagers_on_a_higgs_slice_like_the_best_baseline()
    {
        using var slice = await HiggsSlice.CreateAsync();
        var result = await PredictiveValidation.RunAsync(new PredictiveOptions { DataPath = slice.Path, Cutoffs = ["2"] }, null, TestContext.Current.CancellationToken);

        var cutoff = result.Cutoffs.ShouldHaveSingleItem();
        cutoff.Cutoff.ShouldBe(new DateOnly(2012, 7, 2));
        cutoff.Accounts.ShouldBeGreaterThan(10_000);
        var m = cutoff.Metrics;
        m.Keys.ShouldBe(["clout", "reach", "amplification", "network_impact", "actions_received", "distinct_actors", "pagerank"], ignoreOrder: true);

        // Everything that measures engagement received predicts the future engagers.
        m["clout"].Spearman.ShouldBeGreaterThan(0.3);
        m["clout"].Ndcg.ShouldBeGreaterThan(0.5);

        // Reach (distinct quality-weighted engagers) is at least as good as counting actions.
        m["reach"].Spearman.ShouldBeGreaterThanOrEqualTo(m["actions_received"].Spearman - 0.005);
        m["reach"].Ndcg.ShouldBeGreaterThanOrEqualTo(m["actions_received"].Ndcg - 0.02);
    }

    /// <summary>
    /// Issue #3, part 5: on the same slice v3 beats every baseline on both measures, and v2's Spearman ρ. The
    /// margins are small (about 0.001 in ρ, 0.01 in NDCG@100; docs/validation.md), so this asserts direction only.
    /// </summary>
    [Fact]
    public async Task Version_three_beats_every_baseline_and_version_two_on_a_higgs_slice()
    {
        using var slice = await HiggsSlice.CreateAsync();
        var options = new PredictiveOptions { DataPath = slice.Path, Cutoffs = ["2"], Models = [Algorithms.V3, Algorithms.V2] };
        var result = await PredictiveValidation.RunAsync(options, null, TestContext.Current.CancellationToken);

        var m = result.Cutoffs.ShouldHaveSingleItem().Metrics;
        var v3 = m["clout_v3"];
        foreach (var baseline in new[] { "actions_received", "distinct_actors", "pagerank" })
        {
            v3.Spearman.ShouldBeGreaterThan(m[baseline].Spearman, baseline);
            v3.Ndcg.ShouldBeGreaterThan(m[baseline].Ndcg, baseline);
        }

        v3.Spearman.ShouldBeGreaterThan(m["clout_v2"].Spearman);
    }

    /// <summary>
    /// Issue #3, part 5: on the same slice v4 (late reach: who engaged in the last hours of the day) beats every
    /// baseline on both measures, and v3 on NDCG@100.
    /// </summary>
    [Fact]
    public async Task Version_four_beats_every_baseline_and_version_three_on_a_higgs_slice()
    {
        using var slice = await HiggsSlice.CreateAsync();
        var options = new PredictiveOptions { DataPath = slice.Path, Cutoffs = ["2"], Models = [Algorithms.V4, Algorithms.V3] };
        var result = await PredictiveValidation.RunAsync(options, null, TestContext.Current.CancellationToken);

        var m = result.Cutoffs.ShouldHaveSingleItem().Metrics;
        var v4 = m["clout_v4"];
        foreach (var baseline in new[] { "actions_received", "distinct_actors", "pagerank" })
        {
            v4.Spearman.ShouldBeGreaterThan(m[baseline].Spearman, baseline);
            v4.Ndcg.ShouldBeGreaterThan(m[baseline].Ndcg, baseline);
        }

        v4.Ndcg.ShouldBeGreaterThan(m["clout_v3"].Ndcg);
    }

    [Fact]
    public void Cutoffs_are_dates_or_day_numbers_of_the_data()
    {
        var log = new EventLog();
        log.Add(new Core.Records.ActionRecord(Core.Domain.Network.Generic, "x", Core.Domain.ActionKind.Mention, "1", "2", new DateTimeOffset(2012, 7, 1, 3, 0, 0, TimeSpan.Zero)));
        PredictiveValidation.ParseCutoff("2", log).ShouldBe(new DateOnly(2012, 7, 2));
        PredictiveValidation.ParseCutoff("2012-07-05", log).ShouldBe(new DateOnly(2012, 7, 5));
        Should.Throw<ArgumentException>(() => PredictiveValidation.ParseCutoff("noon", log)).Message.ShouldContain("expected YYYY-MM-DD");
    }

    /// <summary>The first three days of Higgs (about 54,000 actions) in a temporary file, deleted with it.</summary>
    private sealed class HiggsSlice : IDisposable
    {
        private HiggsSlice(string path) => Path = path;

        public string Path { get; }

        public static async Task<HiggsSlice> CreateAsync()
        {
            var higgs = SharedData.Require("higgs-twitter/higgs-activity_time.txt");
            var slice = new HiggsSlice(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"higgs-slice-{Guid.NewGuid():N}.txt"));
            var end = new DateTimeOffset(2012, 7, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            await File.WriteAllLinesAsync(slice.Path, File.ReadLines(higgs).Where(l => long.Parse(l.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture) < end), TestContext.Current.CancellationToken);
            return slice;
        }

        public void Dispose() => File.Delete(Path);
    }
}
