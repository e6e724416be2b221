using System.CommandLine;
using Clout.Application.Scoring;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary><c>clout score</c>: the daily run for a day (default: the latest day with data) or a range of days.</summary>
public static class ScoreCommand
{
    public static Command Build()
    {
        var date = CliOptions.Date("--date", "Day to score (default: the latest day with activity)");
        var from = CliOptions.Date("--from", "First day of a range to score");
        var to = CliOptions.Date("--to", "Last day of a range to score");
        var algorithm = new Option<string?>("--algorithm") { Description = "Algorithm version (default: the version the store publishes; v4 for a new store)", HelpName = "VERSION" };
        var shadow = new Option<bool>("--shadow") { Description = "Write the scores beside the published ones without publishing them" };
        var compareReport = new Option<string?>("--compare-report")
        {
            Description = "With --shadow: write the comparison of the published version with this one on the last scored day (Markdown, docs/validation.md)",
            HelpName = "FILE.md",
        };
        var command = new Command("score", "Score every person for a day from the 90 days before it, and publish the snapshots")
        {
            date, from, to, algorithm, shadow, compareReport,
        };
        command.Validators.Add(result =>
        {
            var hasDate = result.GetResult(date) is not null;
            var hasFrom = result.GetResult(from) is not null;
            var hasTo = result.GetResult(to) is not null;
            if (hasDate && (hasFrom || hasTo))
            {
                result.AddError("give either --date or --from/--to, not both");
            }
            else if (hasFrom != hasTo)
            {
                result.AddError("--from and --to go together");
            }

            if (result.GetResult(compareReport) is not null && !result.GetValue(shadow))
            {
                result.AddError("--compare-report goes with --shadow (a published run replaces what it would compare with)");
            }
        });
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var model = await Versions.ForRunAsync(store, ctx.Parse.GetValue(algorithm), ct);
            var service = new ScoringService(store, TimeProvider.System) { Taxonomy = ctx.Taxonomy };
            using var progress = ctx.Progress("scoring");
            IReadOnlyList<ScoreReport> reports = ctx.Parse.GetValue(from) is { } first
                ? await service.ScoreRangeAsync(first, ctx.Parse.GetValue(to)!.Value, model, ctx.Parse.GetValue(shadow), progress, ct)
                : [await service.ScoreDayAsync(ctx.Parse.GetValue(date), model, ctx.Parse.GetValue(shadow), progress, ct)];
            progress.Dispose();
            if (ctx.Parse.GetValue(compareReport) is { } reportFile && reports.Count > 0)
            {
                var published = await Versions.PublishedAsync(store, ct);
                var diff = await Application.Validation.VersionComparison.FromStoreAsync(store, published, model.Version, reports[^1].Day, ct);
                await File.WriteAllTextAsync(reportFile, Application.Validation.VersionComparison.Markdown(diff), ct);
                await ctx.Error.WriteLineAsync($"wrote the comparison {published} → {model.Version} to {reportFile}");
            }

            if (ctx.Json)
            {
                ctx.WriteJson(reports.Select(r => new
                {
                    day = r.Day.ToString("yyyy-MM-dd"),
                    version = r.Version,
                    shadow = r.Shadow,
                    people = r.People,
                    accounts = r.Accounts,
                    edges = r.Edges,
                    rows = r.Rows,
                    iterations = r.Iterations,
                    read_seconds = Math.Round(r.ReadSeconds, 3),
                    model_seconds = Math.Round(r.ModelSeconds, 3),
                    explain_seconds = Math.Round(r.ExplainSeconds, 3),
                    write_seconds = Math.Round(r.WriteSeconds, 3),
                    total_seconds = Math.Round(r.TotalSeconds, 3),
                    peak_memory_mb = r.PeakMemoryBytes / (1024 * 1024),
                }).ToArray());
            }
            else
            {
                foreach (var r in reports)
                {
                    await ctx.Out.WriteLineAsync($"scored {r.People:N0} people ({r.Accounts:N0} accounts, {r.Edges:N0} engagement edges) for {r.Day:yyyy-MM-dd} with {r.Version}{(r.Shadow ? " (shadow, not published)" : string.Empty)} in {r.TotalSeconds:N1} s (read {r.ReadSeconds:N1}, model {r.ModelSeconds:N1}, explain {r.ExplainSeconds:N1}, write {r.WriteSeconds:N1}; peak memory {r.PeakMemoryBytes / (1024 * 1024):N0} MiB)");
                }
            }

            return CommandContext.Ok;
        }));
        return command;
    }
}
