using System.CommandLine;
using Clout.Application.Explaining;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary><c>clout explain PERSON</c>: every point of the score, discounts, engagers, moments; or what changed since a day.</summary>
public static class ExplainCommand
{
    public static Command Build()
    {
        var person = new Argument<string>("person") { Description = "Person id, network:account, or handle" };
        var date = CliOptions.Date("--date", "Day (default: the latest scored day)");
        var since = CliOptions.Date("--since", "Explain what changed from this day to --date (or the latest day)");
        var algorithm = new Option<string?>("--algorithm") { Description = "Algorithm version (default: the published one)", HelpName = "VERSION" };
        var command = new Command("explain", "Explain a person's score point by point, or what changed since a day") { person, date, since, algorithm };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var service = new ExplainService(store);
            var who = ctx.Parse.GetValue(person)!;
            var version = ctx.Parse.GetValue(algorithm);
            var report = await service.ExplainAsync(who, ctx.Parse.GetValue(date), version, ct);
            if (ctx.Parse.GetValue(since) is { } from)
            {
                var changes = await service.ChangesAsync(report.Person.Person, from, report.Snapshot.Day, version, ct);
                if (ctx.Json)
                {
                    ctx.WriteJson(Views.Changes(changes));
                }
                else
                {
                    TextViews.Changes(ctx.Out, changes);
                }

                return CommandContext.Ok;
            }

            if (ctx.Json)
            {
                ctx.WriteJson(Views.Explanation(report));
            }
            else
            {
                TextViews.Explanation(ctx.Out, report);
            }

            return CommandContext.Ok;
        }));
        return command;
    }
}
