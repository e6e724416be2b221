using System.CommandLine;
using System.Globalization;
using Clout.Application.Ranking;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary><c>clout rank --edges FILE</c>: Clout's propagation kernel (PageRank) on any edge list, with phase timings.</summary>
public static class RankCommand
{
    public static Command Build()
    {
        var edges = new Option<string>("--edges") { Description = "Edge list: \"src dst [weight]\" text lines or the binary form (docs/formats/edge-list.md)", Required = true, HelpName = "FILE" };
        var weighted = new Option<bool>("--weighted") { Description = "Read the third column (binary: the stored weights) as edge weights" };
        var iterations = new Option<int?>("--iterations") { Description = "Run exactly N iterations", HelpName = "N" };
        var tolerance = new Option<double?>("--tolerance") { Description = "Run until the L1 change of an iteration is below E (default 1e-6, at most 100 iterations)", HelpName = "E" };
        var damping = new Option<double>("--damping") { Description = "Damping factor", DefaultValueFactory = _ => 0.85, HelpName = "D" };
        var threads = CliOptions.Count("--threads", "Threads to use", Environment.ProcessorCount, 1, 1024);
        var order = new Option<string>("--order") { Description = "Vertex order in memory: degree (hubs first, cache friendly) or input", DefaultValueFactory = _ => "degree", HelpName = "ORDER" };
        order.AcceptOnlyFromAmong("degree", "input");
        var top = CliOptions.Count("--top", "How many of the highest nodes to print", 10, 1, 1_000_000);
        var output = new Option<string?>("--output") { Description = "Also write every node's rank to this file, as \"id rank\" lines, highest first", HelpName = "FILE" };
        var command = new Command("rank", "Run Clout's propagation kernel (PageRank) on an edge list and print the highest nodes")
        {
            edges, weighted, iterations, tolerance, damping, threads, order, top, output,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(iterations) is not null && result.GetResult(tolerance) is not null)
            {
                result.AddError("give either --iterations or --tolerance, not both");
            }
        });
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var request = new RankRequest(ctx.Parse.GetValue(edges)!)
            {
                Weighted = ctx.Parse.GetValue(weighted),
                Iterations = ctx.Parse.GetValue(iterations),
                Tolerance = ctx.Parse.GetValue(tolerance) ?? 1e-6,
                Damping = ctx.Parse.GetValue(damping),
                Threads = ctx.Parse.GetValue(threads),
                DegreeOrder = ctx.Parse.GetValue(order) != "input",
                Top = ctx.Parse.GetValue(top),
            };
            RankReport report;
            using (var progress = ctx.Progress("rank"))
            {
                report = await Task.Run(() => GraphRanking.Run(request, progress, progress, ct), ct);
            }

            if (ctx.Parse.GetValue(output) is { } file)
            {
                GraphRanking.WriteRanks(file, report);
                await ctx.Error.WriteLineAsync($"wrote {report.Nodes:N0} ranks to {file}");
            }

            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    nodes = report.Nodes,
                    edges = report.Edges,
                    weighted = report.Weighted,
                    damping = request.Damping,
                    threads = request.Threads,
                    load_seconds = Math.Round(report.LoadSeconds, 4),
                    build_seconds = Math.Round(report.BuildSeconds, 4),
                    rank_seconds = Math.Round(report.RankSeconds, 4),
                    iterations = report.Iterations,
                    last_delta = report.LastDelta,
                    edges_per_second_per_iteration = Math.Round(report.EdgesPerSecondPerIteration),
                    peak_memory_bytes = report.PeakMemoryBytes,
                    top = report.Top.Select(t => new { id = t.Id.ToString(CultureInfo.InvariantCulture), rank = t.Rank }),
                });
                return CommandContext.Ok;
            }

            await ctx.Out.WriteLineAsync($"{report.Nodes:N0} nodes, {report.Edges:N0} {(report.Weighted ? "weighted " : string.Empty)}edges; {report.Iterations} iterations (last L1 change {report.LastDelta:G3})");
            await ctx.Out.WriteLineAsync($"load {report.LoadSeconds:F3} s, build {report.BuildSeconds:F3} s, rank {report.RankSeconds:F3} s ({report.EdgesPerSecondPerIteration / 1e6:F0}M edges/s per iteration), peak memory {report.PeakMemoryBytes / (1024 * 1024):N0} MB");
            await ctx.Out.WriteLineAsync();
            await ctx.Out.WriteLineAsync($"  {"#",4}  {"rank",-12}  id");
            for (var i = 0; i < report.Top.Count; i++)
            {
                await ctx.Out.WriteLineAsync($"  {i + 1,4}  {report.Top[i].Rank.ToString("G6", CultureInfo.InvariantCulture),-12}  {report.Top[i].Id}");
            }

            return CommandContext.Ok;
        }));
        return command;
    }
}
