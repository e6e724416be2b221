using System.CommandLine;
using Clout.Application.Scoring;
using Clout.Application.Validation;
using Clout.Cli.Infrastructure;
using Clout.Importers;

namespace Clout.Cli.Commands;

/// <summary>
/// <c>clout validate</c>: the instruments every scoring change is judged by (docs/validation.md): predictive
/// validity on a temporal dataset, gaming resistance, day-to-day stability, and a comparison of two versions.
/// </summary>
public static class ValidateCommand
{
    public static Command Build()
    {
        var command = new Command("validate", "Measure the score: predictive validity, gaming resistance, stability, version comparison");
        command.Subcommands.Add(Predictive());
        command.Subcommands.Add(ValidateGamingCommand.Build());
        command.Subcommands.Add(ValidateStabilityCommand.Build());
        command.Subcommands.Add(ValidateVersionsCommand.Build());
        return command;
    }

    internal static Option<string?> Algorithms() => new("--algorithm")
    {
        Description = "Algorithm version(s) to measure, comma-separated (default: the default version)",
        HelpName = "VERSION[,VERSION…]",
    };

    internal static IReadOnlyList<Engine.Model.ModelParameters> Models(string? text) =>
        text is null ? [Versions.Require(null)] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Versions.Require).ToArray();

    internal static Option<string?> Report() => new("--report") { Description = "Write a Markdown report (and its SVG plot beside it) to this file", HelpName = "FILE.md" };

    private static Command Predictive()
    {
        var data = new Option<string>("--data") { Description = "Temporal dataset (such as higgs-activity_time.txt or CollegeMsg.txt)", Required = true, HelpName = "PATH" };
        var format = new Option<string>("--format") { Description = $"Format of --data: {ImporterRegistry.Names}", DefaultValueFactory = _ => "snap-temporal", HelpName = "FORMAT" };
        var cutoffs = new Option<string>("--cutoffs") { Description = "Cutoffs, comma-separated: YYYY-MM-DD or day numbers of the data (1 = its first UTC day); each means the end of that day", Required = true, HelpName = "T1,T2,…" };
        var follows = new Option<string?>("--follows") { Description = "Follow edge list over the same ids ('a b' = a follows b) for the follower baseline", HelpName = "PATH" };
        var network = new Option<string?>("--network") { Description = "Network of the dataset's accounts (default generic)", HelpName = "NAME" };
        var kind = new Option<string?>("--kind") { Description = "Action kind of untyped edges (default mention)", HelpName = "KIND" };
        var horizon = new Option<int?>("--horizon") { Description = "Days after a cutoff that count as its future (default: to the end of the data)", HelpName = "DAYS" };
        var algorithm = Algorithms();
        var report = Report();
        var command = new Command("predictive", "Score with the past before each cutoff and rank accounts by what they receive after it, beside baselines")
        {
            data, format, cutoffs, follows, network, kind, horizon, algorithm, report,
        };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var options = new PredictiveOptions
            {
                DataPath = ctx.Parse.GetValue(data)!,
                Format = ctx.Parse.GetValue(format)!,
                Cutoffs = ctx.Parse.GetValue(cutoffs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                FollowsPath = ctx.Parse.GetValue(follows),
                Import = new ImportOptions { Network = ImportCommand.ParseNetwork(ctx.Parse.GetValue(network)), DefaultKind = ImportCommand.ParseKind(ctx.Parse.GetValue(kind)) },
                HorizonDays = ctx.Parse.GetValue(horizon),
                Models = Models(ctx.Parse.GetValue(algorithm)),
            };
            PredictiveResult result;
            using (var progress = ctx.Progress("predictive validity"))
            {
                result = await PredictiveValidation.RunAsync(options, progress, ct);
            }

            if (ctx.Parse.GetValue(report) is { } file)
            {
                var plot = Path.ChangeExtension(file, ".svg");
                await File.WriteAllTextAsync(plot, PredictiveReport.Plot(result), ct);
                await File.WriteAllTextAsync(file, PredictiveReport.Markdown(result, Path.GetFileName(plot)), ct);
            }

            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    data = result.Data,
                    events = result.Events,
                    accounts = result.Accounts,
                    cutoffs = result.Cutoffs.Select(c => new
                    {
                        cutoff = c.Cutoff,
                        accounts = c.Accounts,
                        accounts_with_future = c.AccountsWithFuture,
                        future_actions = c.FutureActions,
                        metrics = c.Metrics.ToDictionary(m => m.Key, m => Metrics(m.Value)),
                        metrics_vs_action_count = c.CountMetrics.ToDictionary(m => m.Key, m => Metrics(m.Value)),
                    }),
                });
            }
            else
            {
                foreach (var c in result.Cutoffs)
                {
                    await ctx.Out.WriteLineAsync($"cutoff end of {c.Cutoff:yyyy-MM-dd}: {c.Accounts:N0} accounts, {c.AccountsWithFuture:N0} receive {c.FutureActions:N0} actions after");
                    await ctx.Out.WriteLineAsync($"  {"predictor",-18} {"spearman",9} {"ndcg@100",9} {"prec@100",9}");
                    foreach (var (name, m) in c.Metrics)
                    {
                        await ctx.Out.WriteLineAsync($"  {name,-18} {m.Spearman,9:F3} {m.Ndcg,9:F3} {m.Precision,9:F2}");
                    }
                }
            }

            return CommandContext.Ok;
        }));
        return command;
    }

    internal static object Metrics(MetricSet m) => new Dictionary<string, double>
    {
        ["spearman"] = Math.Round(m.Spearman, 4),
        ["ndcg100"] = Math.Round(m.Ndcg, 4),
        ["precision100"] = Math.Round(m.Precision, 4),
    };
}
