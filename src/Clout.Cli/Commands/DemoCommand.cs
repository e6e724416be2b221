using System.CommandLine;
using Clout.Application.Explaining;
using Clout.Application.Generating;
using Clout.Application.Scoring;
using Clout.Cli.Infrastructure;
using Clout.Generator;

namespace Clout.Cli.Commands;

/// <summary>
/// <c>clout demo</c>: the main job end to end on the default store: generate a realistic population, score it,
/// print the leaderboard and explain the top person.
/// </summary>
public static class DemoCommand
{
    public static Command Build()
    {
        var people = CliOptions.Count("--people", "How many people to generate", 20_000, 100, 100_000_000);
        var seed = new Option<ulong>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42, HelpName = "S" };
        var command = new Command("demo", "Generate a population into the store, score it, show the leaderboard and explain the top person") { people, seed };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var options = new GeneratorOptions { People = ctx.Parse.GetValue(people), Seed = ctx.Parse.GetValue(seed) };
            var generator = new PopulationGenerator(options, TaxonomyTopics.From(ctx.Taxonomy));
            using (var progress = ctx.Progress($"generating {options.People:N0} people into {store.Location}"))
            {
                await store.ImportAsync(generator.Generate(), progress, ct);
            }

            var s = generator.Summary;
            await ctx.Out.WriteLineAsync($"generated {s.People:N0} people: {s.Accounts:N0} accounts, {s.Posts:N0} posts, {s.Actions:N0} actions ({s.BoughtActions:N0} bought, {s.FakeFollows:N0} fake follows, {s.PodMembers:N0} pod members, {s.Spammers:N0} spam bots)");
            var service = new ScoringService(store, TimeProvider.System) { Taxonomy = ctx.Taxonomy };
            ScoreReport report;
            using (var progress = ctx.Progress("scoring"))
            {
                report = await service.ScoreDayAsync(null, await Versions.ForRunAsync(store, null, ct), shadow: false, progress, ct);
            }

            await ctx.Out.WriteLineAsync($"scored {report.People:N0} people for {report.Day:yyyy-MM-dd} with {report.Version} in {report.TotalSeconds:N1} s");
            await ctx.Out.WriteLineAsync();
            var rows = await store.GetLeaderboardAsync(report.Day, report.Version, null, 0, 10, ct);
            TextViews.Leaderboard(ctx.Out, rows, $"leaderboard {report.Day:yyyy-MM-dd}");
            if (rows.Count > 0)
            {
                await ctx.Out.WriteLineAsync();
                var explained = await new ExplainService(store).ExplainAsync(rows[0].Person, report.Day, report.Version, ct);
                TextViews.Explanation(ctx.Out, explained);
            }

            await ctx.Out.WriteLineAsync();
            await ctx.Out.WriteLineAsync($"the store is {store.Location}; try: clout top --n 20, clout explain {(rows.Count > 0 ? rows[0].Person : "PERSON")}, clout show PERSON --json");
            return CommandContext.Ok;
        }));
        return command;
    }
}
