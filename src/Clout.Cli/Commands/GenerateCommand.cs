using System.CommandLine;
using System.Diagnostics;
using Clout.Application.Generating;
using Clout.Cli.Infrastructure;
using Clout.Core.Records;
using Clout.Generator;
using Clout.Importers.Interchange;

namespace Clout.Cli.Commands;

/// <summary><c>clout generate</c>: a realistic synthetic population, into the store or to an interchange file.</summary>
public static class GenerateCommand
{
    public static Command Build()
    {
        var people = CliOptions.Count("--people", "How many people", 10_000, 1, 100_000_000);
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same seed gives the same population", DefaultValueFactory = _ => 1, HelpName = "S" };
        var days = CliOptions.Count("--days", "Days of activity to simulate", 90, 1, 3650);
        var end = CliOptions.Date("--end", "Last simulated day (default 2026-11-01, fixed so a seed always gives the same data)");
        var output = new Option<string?>("--out") { Description = "Write JSON Lines (.jsonl or .jsonl.gz) instead of importing into the store", HelpName = "FILE" };
        var command = new Command("generate", "Generate a realistic multi-network population with labelled bad actors")
        {
            people, seed, days, end, output,
        };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var options = new GeneratorOptions
            {
                People = ctx.Parse.GetValue(people),
                Seed = ctx.Parse.GetValue(seed),
                Days = ctx.Parse.GetValue(days),
                End = ctx.Parse.GetValue(end) ?? new DateOnly(2026, 11, 1),
            };
            var generator = new PopulationGenerator(options, TaxonomyTopics.From(ctx.Taxonomy));
            var watch = Stopwatch.StartNew();
            var file = ctx.Parse.GetValue(output);
            string destination;
            using (var progress = ctx.Progress($"generating {options.People:N0} people"))
            {
                if (file is not null)
                {
                    destination = file;
                    using var writer = JsonLinesWriter.Create(file);
                    long n = 0;
                    foreach (var record in generator.Generate())
                    {
                        ct.ThrowIfCancellationRequested();
                        writer.Write(record);
                        if (++n % 50_000 == 0)
                        {
                            progress.Report(n);
                        }
                    }
                }
                else
                {
                    await using var store = await ctx.OpenStoreAsync(ct);
                    destination = store.Location;
                    await store.ImportAsync(generator.Generate(), progress, ct);
                }
            }

            var s = generator.Summary;
            var seconds = watch.Elapsed.TotalSeconds;
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    destination,
                    people = s.People,
                    accounts = s.Accounts,
                    posts = s.Posts,
                    actions = s.Actions,
                    metrics = s.Metrics,
                    records = s.Records,
                    bots = s.Bots,
                    spammers = s.Spammers,
                    buyers = s.Buyers,
                    bought_actions = s.BoughtActions,
                    fake_follows = s.FakeFollows,
                    pod_members = s.PodMembers,
                    seconds = Math.Round(seconds, 2),
                    records_per_second = Math.Round(s.Records / Math.Max(seconds, 1e-9)),
                });
            }
            else
            {
                await ctx.Out.WriteLineAsync($"generated {s.People:N0} people ({s.Accounts:N0} accounts, {s.Posts:N0} posts, {s.Actions:N0} actions, {s.Metrics:N0} metric snapshots) into {destination}");
                await ctx.Out.WriteLineAsync($"  bad actors: {s.Buyers:N0} engagement buyers ({s.BoughtActions:N0} bought actions from {s.Bots:N0} fresh bots), {s.FakeFollows:N0} fake follows, {s.PodMembers:N0} pod members, {s.Spammers:N0} spam bots");
                await ctx.Out.WriteLineAsync($"  {seconds:N1} s, {s.Records / Math.Max(seconds, 1e-9):N0} records/s");
            }

            return CommandContext.Ok;
        }));
        return command;
    }
}
