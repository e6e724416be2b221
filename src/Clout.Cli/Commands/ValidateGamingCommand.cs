using System.CommandLine;
using System.Globalization;
using System.Text;
using Clout.Application.Validation;
using Clout.Cli.Infrastructure;
using Clout.Importers;

namespace Clout.Cli.Commands;

/// <summary><c>clout validate gaming</c>: bought engagement, fake followers and pods against the same volume of genuine engagement.</summary>
public static class ValidateGamingCommand
{
    public static Command Build()
    {
        var data = new Option<string?>("--data") { Description = "A dataset to inject into (default: a generated population)", HelpName = "PATH" };
        var format = new Option<string>("--format") { Description = $"Format of --data: {ImporterRegistry.Names}", DefaultValueFactory = _ => "snap-temporal", HelpName = "FORMAT" };
        var people = CliOptions.Count("--people", "People to generate when no --data is given", 5_000, 500, 1_000_000);
        var volumes = new Option<string>("--volumes") { Description = "Injected actions per target, comma-separated", DefaultValueFactory = _ => "10,30,100", HelpName = "N,N,…" };
        var algorithm = new Option<string?>("--algorithm") { Description = "Algorithm version (default: the default version)", HelpName = "VERSION" };
        var report = ValidateCommand.Report();
        var command = new Command("gaming", "Inject bought engagement, fake followers and pods, and the same volume of genuine engagement; compare the score changes")
        {
            data, format, people, volumes, algorithm, report,
        };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var options = new GamingOptions
            {
                DataPath = ctx.Parse.GetValue(data),
                Format = ctx.Parse.GetValue(format)!,
                People = ctx.Parse.GetValue(people),
                Volumes = ctx.Parse.GetValue(volumes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 10_000 ? n : throw new ArgumentException($"--volumes '{v}' is not a volume; expected whole numbers from 1 to 10,000"))
                    .ToArray(),
                Model = Application.Scoring.Versions.Require(ctx.Parse.GetValue(algorithm)),
            };
            GamingResult result;
            using (var progress = ctx.Progress("gaming resistance"))
            {
                result = await GamingValidation.RunAsync(options, progress, ct);
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

    internal static string Markdown(GamingResult r)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"Gaming resistance on {r.Population}, {r.Day:yyyy-MM-dd}, {r.Version}. Ratio: mean change of the injection / mean change from the same volume of genuine engagement (follows for fake followers).\n\n");
        md.Append("| level | volume | injection | targets | base score | mean change | ratio | flagged | discounted |\n|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var row in r.Rows)
        {
            var ratio = row.Ratio is { } x ? x.ToString("F3", CultureInfo.InvariantCulture) : "";
            md.Append(CultureInfo.InvariantCulture, $"| {row.Level} | {row.Volume} | {row.Kind} | {row.Targets} | {row.BaseScore:F2} | {row.MeanChange:+0.000;-0.000;0.000} | {ratio} | {row.Flagged}/{row.Targets} | {row.Discounted}/{row.Targets} |\n");
        }

        return md.ToString();
    }
}
