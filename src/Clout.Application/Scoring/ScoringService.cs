using System.Diagnostics;
using Clout.Application.Progress;
using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Core.Storage;
using Clout.Engine.Explaining;
using Clout.Engine.Model;
using Clout.Engine.Styles;
using Clout.Engine.Topics;
using Clout.Engine.Topics.Assignment;
using Clout.Engine.Window;

namespace Clout.Application.Scoring;

/// <summary>
/// The daily run: read the window from the store, score with the engine, explain, add deltas, and publish the
/// snapshots for the day in one step.
/// </summary>
public sealed class ScoringService(ICloutStore store, TimeProvider time)
{
    /// <summary>The topics people are assigned (the shipped taxonomy unless a user file was merged in).</summary>
    public TopicTaxonomy Taxonomy { get; init; } = TopicTaxonomy.Default;

    public async Task<DateOnly> DefaultDayAsync(CancellationToken cancellationToken = default)
    {
        var span = await store.GetActivitySpanAsync(cancellationToken)
            ?? throw new InvalidOperationException($"the store {store.Location} has no activity to score yet; import data first (clout import FILE, or clout generate)");
        return span.Last;
    }

    /// <param name="progress">
    /// Told each phase as text; a reporter that is also an <see cref="IProgress{T}"/> of <see cref="WorkPhase"/> and of
    /// <see cref="long"/> (the CLI's) gets each long phase's unit and total and the window rows, posts and snapshots done.
    /// </param>
    public async Task<ScoreReport> ScoreDayAsync(DateOnly? day, ModelParameters model, bool shadow, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scoredDay = day ?? await DefaultDayAsync(cancellationToken);
        var started = time.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var counts = progress as IProgress<long>;
        void Phase(string description, string unit, long total)
        {
            if (progress is IProgress<WorkPhase> phases)
            {
                phases.Report(new WorkPhase(description, unit, total));
            }
            else
            {
                progress?.Report(description);
            }
        }

        Phase($"reading the {model.WindowDays}-day window ending {scoredDay:yyyy-MM-dd}", "roll-up rows", 0);
        var builder = new WindowBuilder(model, scoredDay) { Progress = counts };
        await store.ReadWindowAsync(scoredDay, model.WindowDays, builder, cancellationToken);
        var input = builder.Build();
        var read = watch.Elapsed.TotalSeconds;

        var output = new ScoringModel(model).Run(input, progress);
        var modelSeconds = watch.Elapsed.TotalSeconds - read;

        Phase("reading the posts of the window for topics", "posts", 0);
        var (topics, styles) = await AssignTopicsAsync(builder, output, scoredDay, counts, () => Phase("assigning topics and styles", "people", 0), cancellationToken);
        var (dayBefore, weekBefore, monthBefore) = await PreviousScoresAsync(scoredDay, model.Version, cancellationToken);
        var snapshots = new SnapshotBuilder.PersonSnapshots(output, scoredDay);
        var accounts = SnapshotBuilder.AccountScores(output);

        // Explanations are built a chunk at a time while the store writes (see ChunkedSnapshots): the time they take
        // is inside the write phase.
        var people = new ChunkedSnapshots(snapshots.Count, progress: counts, build: i =>
        {
            var p = snapshots.Person(i);
            var s = snapshots.Build(i);
            return s with
            {
                Topics = topics[p],
                Style = styles[p],
                DayChange = dayBefore.TryGetValue(s.Person, out var d) ? s.Score - d : null,
                WeekChange = weekBefore.TryGetValue(s.Person, out var w) ? s.Score - w : null,
                MonthChange = monthBefore.TryGetValue(s.Person, out var m) ? s.Score - m : null,
            };
        });
        var explain = watch.Elapsed.TotalSeconds - read - modelSeconds;

        Phase($"explaining and publishing {people.Count:N0} snapshots", "people", people.Count);
        var run = new ScoreRun(scoredDay, model.Version, shadow, started, watch.Elapsed.TotalSeconds, people.Count, input.Accounts, output.Graph.Edges);
        await store.WriteScoresAsync(run, people, accounts, cancellationToken);
        if (!shadow)
        {
            await store.SetSettingAsync(Versions.PublishedSetting, model.Version, cancellationToken);
        }

        var write = watch.Elapsed.TotalSeconds - read - modelSeconds - explain;
        return new ScoreReport(scoredDay, model.Version, shadow, people.Count, input.Accounts, output.Graph.Edges, builder.RowsReceived, output.Iterations)
        {
            ReadSeconds = read,
            ModelSeconds = modelSeconds,
            ExplainSeconds = explain,
            WriteSeconds = write,
            PeakMemoryBytes = Process.GetCurrentProcess().PeakWorkingSet64,
        };
    }

    private async Task<(IReadOnlyList<TopicScore>[] Topics, InfluenceStyle?[] Styles)> AssignTopicsAsync(WindowBuilder builder, ModelOutput output, DateOnly day, IProgress<long>? counts, Action assigning, CancellationToken cancellationToken)
    {
        var window = new TopicWindow(new TopicMatcher(Taxonomy), output.Input.Accounts, day, builder.IndexOf) { Progress = counts };
        await store.ReadTopicWindowAsync(day, output.Parameters.WindowDays, window, cancellationToken);
        window.Complete();
        assigning();
        var assignment = new TopicAssigner().Assign(window, AssignmentContext.From(output));
        return (assignment.Topics, StyleClassifier.Classify(output.Input, assignment));
    }

    /// <summary>Scores of the day, week and month before (by person key), for the deltas; empty where none were published.</summary>
    private async Task<(IReadOnlyDictionary<string, double> Day, IReadOnlyDictionary<string, double> Week, IReadOnlyDictionary<string, double> Month)> PreviousScoresAsync(DateOnly day, string version, CancellationToken cancellationToken) =>
        (await store.GetScoresAsync(day.AddDays(-1), version, cancellationToken),
         await store.GetScoresAsync(day.AddDays(-7), version, cancellationToken),
         await store.GetScoresAsync(day.AddDays(-30), version, cancellationToken));

    /// <summary>Scores each day of a range in order, so each day's deltas see the day before.</summary>
    public async Task<IReadOnlyList<ScoreReport>> ScoreRangeAsync(DateOnly from, DateOnly to, ModelParameters model, bool shadow, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentException($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}");
        }

        var reports = new List<ScoreReport>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            reports.Add(await ScoreDayAsync(d, model, shadow, progress, cancellationToken));
        }

        return reports;
    }
}
