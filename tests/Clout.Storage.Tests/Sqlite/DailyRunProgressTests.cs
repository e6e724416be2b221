using Clout.Application.Progress;
using Clout.Application.Scoring;
using Clout.Engine.Model;
using Clout.Generator;

namespace Clout.Storage.Tests.Sqlite;

public class DailyRunProgressTests
{
    [Fact]
    public async Task The_daily_run_counts_window_rows_posts_and_snapshots_against_the_phase_they_belong_to()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.ImportAsync(new PopulationGenerator(new GeneratorOptions { People = 3000, Seed = 8, Days = 45 }).Generate());
        var progress = new RecordingProgress();

        var report = await new ScoringService(temp.Store, TimeProvider.System).ScoreDayAsync(null, Algorithms.Default, shadow: false, progress);

        // Window rows and posts are counted every 65,536, with no total known in advance.
        var rows = progress.CountsIn("roll-up rows");
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(c => c % 65_536 == 0);
        rows.ShouldBeInOrder(SortDirection.Ascending);
        rows[^1].ShouldBeLessThanOrEqualTo(report.Rows);
        progress.CountsIn("posts").ShouldNotBeEmpty();
        progress.Phases.Single(p => p.Unit == "roll-up rows").Total.ShouldBe(0);

        // Snapshots are counted against the number of people, so the line can show a bar and an ETA.
        var write = progress.Phases.Single(p => p.Unit == "people" && p.Total > 0);
        write.Total.ShouldBe(report.People);
        write.Description.ShouldContain($"{report.People:N0} snapshots");
        var people = progress.CountsIn("people");
        people.ShouldBeInOrder(SortDirection.Ascending);
        people[^1].ShouldBe(report.People);

        // The model's steps still arrive as plain text phases.
        progress.Texts.ShouldContain(t => t.Contains("propagation", StringComparison.Ordinal));
    }

    private sealed class RecordingProgress : IProgress<string>, IProgress<WorkPhase>, IProgress<long>
    {
        private readonly Lock gate = new();
        private readonly List<(WorkPhase Phase, long Count)> counts = [];
        private WorkPhase current = new("start", "none", 0);

        public List<WorkPhase> Phases { get; } = [];

        public List<string> Texts { get; } = [];

        public List<long> CountsIn(string unit)
        {
            lock (gate)
            {
                return [.. counts.Where(c => c.Phase.Unit == unit).Select(c => c.Count)];
            }
        }

        public void Report(string value)
        {
            lock (gate)
            {
                Texts.Add(value);
                current = new WorkPhase(value, "none", 0);
            }
        }

        public void Report(WorkPhase value)
        {
            lock (gate)
            {
                Phases.Add(value);
                current = value;
            }
        }

        public void Report(long value)
        {
            lock (gate)
            {
                counts.Add((current, value));
            }
        }
    }
}
