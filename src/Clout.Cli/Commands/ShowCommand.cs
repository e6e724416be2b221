using System.CommandLine;
using Clout.Application.Explaining;
using Clout.Application.Scoring;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary><c>clout show PERSON</c>: score, bucket, deltas, sub-scores and per-network parts.</summary>
public static class ShowCommand
{
    public static Command Build()
    {
        var person = new Argument<string>("person") { Description = "Person id, network:account, or handle" };
        var date = CliOptions.Date("--date", "Day (default: the latest scored day)");
        var algorithm = new Option<string?>("--algorithm") { Description = "Algorithm version (default: the published one)", HelpName = "VERSION" };
        var command = new Command("show", "Show a person's score, sub-scores and networks") { person, date, algorithm };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var who = await PersonResolver.ResolveAsync(store, ctx.Parse.GetValue(person)!, ct);
            var version = ctx.Parse.GetValue(algorithm) ?? await Versions.PublishedAsync(store, ct);
            var snapshot = await store.GetSnapshotAsync(who.Person, ctx.Parse.GetValue(date), version, ct)
                ?? throw new KeyNotFoundException($"{who.Person} has no score{(ctx.Parse.GetValue(date) is { } d ? $" on {d:yyyy-MM-dd}" : string.Empty)} with algorithm {version}; run clout score");
            if (ctx.Json)
            {
                ctx.WriteJson(Views.Person(who, snapshot));
            }
            else
            {
                TextViews.Person(ctx.Out, who, snapshot);
            }

            return CommandContext.Ok;
        }));
        return command;
    }
}
