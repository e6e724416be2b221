using System.CommandLine;
using Clout.Application.Generating;
using Clout.Application.Scoring;
using Clout.Cli.Infrastructure;
using Clout.Core.Domain;
using Clout.Engine.Model;
using Clout.Engine.Window;
using Clout.Generator;
using Clout.Storage.Sqlite;

namespace Clout.Cli.Commands;

/// <summary>
/// <c>clout calibrate</c>: scores a generated population with a version and fits the calibration constants that
/// give it mean 40 and 95th percentile 63. Used once when a new version is created; the constants are then
/// frozen in the version (docs/algorithm.md).
/// </summary>
public static class CalibrateCommand
{
    public static Command Build()
    {
        var people = CliOptions.Count("--people", "How many people to generate", 50_000, 1_000, 10_000_000);
        var seed = new Option<ulong>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 7, HelpName = "S" };
        var algorithm = new Option<string?>("--algorithm") { Description = "Algorithm version to calibrate (default: the default version)", HelpName = "VERSION" };
        var command = new Command("calibrate", "Fit the 1-100 calibration of an algorithm version on a generated population") { people, seed, algorithm };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var model = Versions.Require(ctx.Parse.GetValue(algorithm));
            var options = new GeneratorOptions { People = ctx.Parse.GetValue(people), Seed = ctx.Parse.GetValue(seed) };
            var file = Path.Combine(Path.GetTempPath(), $"clout-calibrate-{Environment.ProcessId}.db");
            try
            {
                await using (var store = new SqliteStore(file))
                {
                    await store.MigrateAsync(ct);
                    using (var progress = ctx.Progress("generating"))
                    {
                        await store.ImportAsync(new PopulationGenerator(options, TaxonomyTopics.From(ctx.Taxonomy)).Generate(), progress, ct);
                    }

                    var builder = new WindowBuilder(model, options.End);
                    await store.ReadWindowAsync(options.End, model.WindowDays, builder, ct);
                    var input = builder.Build();
                    var output = new ScoringModel(model).Run(input);
                    var values = new List<double>();
                    var current = new List<double>();
                    for (var p = 0; p < input.PersonKeys.Length; p++)
                    {
                        // Calibrate on the generated people, not on the bots they buy from.
                        if (output.PersonActive[p] && input.PersonKeys[p].StartsWith('p'))
                        {
                            values.Add(output.PersonValue[p]);
                            current.Add(output.PersonScore[p]);
                        }
                    }

                    var (midpoint, exponent) = Calibration.Fit(values);
                    var fitted = ScoreDistribution.Of(values.Select(v => Calibration.Score(v, midpoint, exponent)));
                    var now = ScoreDistribution.Of(current);
                    if (ctx.Json)
                    {
                        ctx.WriteJson(new { version = model.Version, people = values.Count, midpoint, exponent, current = now, fitted });
                    }
                    else
                    {
                        await ctx.Out.WriteLineAsync($"{model.Version} on {values.Count:N0} generated people (seed {options.Seed})");
                        await ctx.Out.WriteLineAsync($"  current calibration (midpoint {model.CalibrationMidpoint}, exponent {model.CalibrationExponent}): {now}");
                        await ctx.Out.WriteLineAsync($"  fitted: midpoint {midpoint:G6}, exponent {exponent:G4}: {fitted}");
                    }
                }

                return CommandContext.Ok;
            }
            finally
            {
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                {
                    File.Delete(file + suffix);
                }
            }
        }));
        return command;
    }
}
