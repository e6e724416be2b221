using System.CommandLine;
using System.Globalization;
using Clout.Application.Scoring;
using Clout.Cli.Infrastructure;
using Clout.Core.Scoring;
using Clout.Core.Storage;
using Clout.Engine.Topics;

namespace Clout.Cli.Commands;

/// <summary><c>clout find --topic SLUG</c>: the people most influential on a topic, with their topic score, overall score and evidence.</summary>
public static class FindCommand
{
    public static Command Build()
    {
        var topic = new Option<string>("--topic") { Description = "Topic slug, such as rust or machine-learning", Required = true, HelpName = "SLUG" };
        var network = new Option<string?>("--network") { Description = "Only people with an account on this network", HelpName = "NAME" };
        var minScore = new Option<double>("--min-score") { Description = "Only people with at least this topic score (1-100)", DefaultValueFactory = _ => 1, HelpName = "S" };
        var n = CliOptions.Count("--n", "How many people", 20, 1, 10_000);
        var date = CliOptions.Date("--date", "Day (default: the latest scored day)");
        var algorithm = new Option<string?>("--algorithm") { Description = "Algorithm version (default: the published one)", HelpName = "VERSION" };
        minScore.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (value is < 0 or > 100 || double.IsNaN(value))
            {
                result.AddError($"--min-score {value.ToString(CultureInfo.InvariantCulture)} is out of range; expected 0 to 100");
            }
        });
        var command = new Command("find", "Find the people most influential on a topic") { topic, network, minScore, n, date, algorithm };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var slug = ctx.Parse.GetValue(topic)!.Trim().ToLowerInvariant();
            if (!ctx.Taxonomy.TryGetIndex(slug, out _))
            {
                var close = ctx.Taxonomy.SlugsContaining(slug, 5);
                throw new KeyNotFoundException($"--topic '{slug}' is not a known topic; expected a slug of the taxonomy{(close.Count > 0 ? $" such as {string.Join(", ", close)}" : " (see docs/topics.md)")}");
            }

            var net = ImportCommand.ParseNetwork(ctx.Parse.GetValue(network));
            await using var store = await ctx.OpenStoreAsync(ct);
            var version = ctx.Parse.GetValue(algorithm) ?? await Versions.PublishedAsync(store, ct);
            var day = ctx.Parse.GetValue(date) ?? await store.GetLatestScoredDayAsync(version, ct)
                ?? throw new InvalidOperationException($"nothing is scored yet with algorithm {version} in {store.Location}; run clout score");
            var entries = await store.GetTopicLeaderboardAsync(slug, day, version, net, ctx.Parse.GetValue(minScore), ctx.Parse.GetValue(n), ct);
            var rows = new List<(TopicLeaderboardEntry, TopicScore?)>(entries.Count);
            foreach (var entry in entries)
            {
                var snapshot = await store.GetSnapshotAsync(entry.Person, day, version, ct);
                rows.Add((entry, snapshot?.Topics.FirstOrDefault(t => t.Slug == slug)));
            }

            if (ctx.Json)
            {
                ctx.WriteJson(Views.TopicLeaderboard(slug, day, rows));
            }
            else
            {
                TextViews.TopicLeaderboard(ctx.Out, rows, $"most influential on {ctx.Taxonomy.Get(slug).Name} ({slug}) {day:yyyy-MM-dd} ({version}{(net is null ? string.Empty : ", " + ctx.Parse.GetValue(network))})");
                if (rows.Count == 0)
                {
                    await ctx.Out.WriteLineAsync("  nobody has this topic yet");
                }
            }

            return CommandContext.Ok;
        }));
        return command;
    }
}
