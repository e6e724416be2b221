using System.CommandLine;
using Clout.Application.Scoring;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary><c>clout top</c>: the leaderboard for a day, globally or for one network.</summary>
public static class TopCommand
{
    public static Command Build()
    {
        var n = CliOptions.Count("--n", "How many people", 20, 1, 100_000);
        var offset = CliOptions.Count("--offset", "Skip this many (for paging)", 0, 0, int.MaxValue);
        var network = new Option<string?>("--network") { Description = "Only people with an account on this network", HelpName = "NAME" };
        var date = CliOptions.Date("--date", "Day (default: the latest scored day)");
        var algorithm = new Option<string?>("--algorithm") { Description = "Algorithm version (default: the published one)", HelpName = "VERSION" };
        var command = new Command("top", "Show the leaderboard") { n, offset, network, date, algorithm };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var net = ImportCommand.ParseNetwork(ctx.Parse.GetValue(network));
            await using var store = await ctx.OpenStoreAsync(ct);
            var version = ctx.Parse.GetValue(algorithm) ?? await Versions.PublishedAsync(store, ct);
            var day = ctx.Parse.GetValue(date) ?? await store.GetLatestScoredDayAsync(version, ct)
                ?? throw new InvalidOperationException($"nothing is scored yet with algorithm {version} in {store.Location}; run clout score");
            var rows = await store.GetLeaderboardAsync(day, version, net, ctx.Parse.GetValue(offset), ctx.Parse.GetValue(n), ct);
            if (ctx.Json)
            {
                ctx.WriteJson(Views.Leaderboard(rows));
            }
            else
            {
                TextViews.Leaderboard(ctx.Out, rows, $"leaderboard {day:yyyy-MM-dd} ({version}{(net is null ? string.Empty : ", " + ctx.Parse.GetValue(network))})");
            }

            return CommandContext.Ok;
        }));
        return command;
    }
}
