using System.CommandLine;
using System.Globalization;
using System.Text;
using Clout.Application.Validation;
using Clout.Cli.Infrastructure;
using Clout.Importers;

namespace Clout.Cli.Commands;

/// <summary><c>clout validate stability</c>: daily changes over consecutive days, and optionally a comparison with another version.</summary>
public static class ValidateStabilityCommand
{
    public static Command Build()
    {
        var data = new Option<string?>("--data") { Description = "A temporal dataset to score day by day (default: a generated population)", HelpName = "PATH" };
        var format = new Option<string>("--format") { Description = $"Format of --data: {ImporterRegistry.Names}", DefaultValueFactory = _ => "snap-temporal", HelpName = "FORMAT" };
        var people = CliOptions.Count("--people", "People to generate when no --data is given", 2_000, 100, 1_000_000);
        var days = CliOptions.Count("--days", "Days to simulate when no --data is given", 120, 2, 3650);
        var warmup = CliOptions.Count("--warmup", "Days at the start that are not counted (the window is filling)", 14, 0, 3650);
        var algorithm = new Option<string?>("--algorithm") { Description = "Algorithm version (default: the default version)", HelpName = "VERSION" };
        var compare = new Option<string?>("--compare") { Description = "Compare the last day with this version (such as the current default): the change distribution from it to --algorithm and its causes", HelpName = "VERSION" };
        var report = ValidateCommand.Report();
        var command = new Command("stability", "Score consecutive days and report the distribution of daily changes")
        {
            data, format, people, days, warmup, algorithm, compare, report,
        };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var options = new StabilityOptions
            {
                DataPath = ctx.Parse.GetValue(data),
                Format = ctx.Parse.GetValue(format)!,
                People = ctx.Parse.GetValue(people),
                Days = ctx.Parse.GetValue(days),
                WarmupDays = ctx.Parse.GetValue(warmup),
                Model = Application.Scoring.Versions.Require(ctx.Parse.GetValue(algorithm)),
                Compare = ctx.Parse.GetValue(compare) is { } c ? Application.Scoring.Versions.Require(c) : null,
            };
            StabilityResult result;
            using (var progress = ctx.Progress("stability"))
            {
                result = await StabilityValidation.RunAsync(options, progress, ct);
            }

            if (ctx.Parse.GetValue(report) is { } file)
            {
                await File.WriteAllTextAsync(file, Markdown(result), ct);
            }

            if (ctx.Json)
            {
                ctx.WriteJson(result);
            }
            else
            {
                await ctx.Out.WriteAsync(Markdown(result));
            }

            return CommandContext.Ok;
        }));
        return command;
    }

    internal static string Markdown(StabilityResult r)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"Stability of {r.Version} on {r.Population}, daily changes {r.From:yyyy-MM-dd}..{r.To:yyyy-MM-dd}.\n\n");
        md.Append("| people | changes | mean | p50 | p90 | p95 | p99 | max | under 1 point |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var (name, d) in new[] { ("own activity unchanged", r.Quiet), ("everyone", r.Everyone) })
        {
            md.Append(CultureInfo.InvariantCulture, $"| {name} | {d.Count:N0} | {d.Mean:F3} | {d.P50:F3} | {d.P90:F3} | {d.P95:F3} | {d.P99:F3} | {d.Max:F2} | {d.UnderOnePoint:P1} |\n");
        }

        if (r.Comparison is { } c)
        {
            md.Append('\n').Append(VersionComparison.Markdown(c));
        }

        return md.ToString();
    }
}
