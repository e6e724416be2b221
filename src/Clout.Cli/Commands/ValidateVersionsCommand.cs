using System.CommandLine;
using Clout.Application.Validation;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary>
/// <c>clout validate versions</c>: compares two versions' snapshots of a day in the store, the report to read
/// before a new version becomes the default (score it first with <c>clout score --algorithm VERSION --shadow</c>).
/// </summary>
public static class ValidateVersionsCommand
{
    public static Command Build()
    {
        var from = new Option<string>("--from") { Description = "The current version", Required = true, HelpName = "VERSION" };
        var to = new Option<string>("--to") { Description = "The candidate version (scored with --shadow)", Required = true, HelpName = "VERSION" };
        var day = CliOptions.Date("--day", "Day to compare (default: the latest day the candidate scored)");
        var report = ValidateCommand.Report();
        var command = new Command("versions", "Compare two algorithm versions' scores of a day: change distribution and causes") { from, to, day, report };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var diff = await VersionComparison.FromStoreAsync(store, ctx.Parse.GetValue(from)!, ctx.Parse.GetValue(to)!, ctx.Parse.GetValue(day), ct);
            var md = VersionComparison.Markdown(diff);
            if (ctx.Parse.GetValue(report) is { } file)
            {
                await File.WriteAllTextAsync(file, md, ct);
            }

            if (ctx.Json)
            {
                ctx.WriteJson(diff);
            }
            else
            {
                await ctx.Out.WriteAsync(md);
            }

            return CommandContext.Ok;
        }));
        return command;
    }
}
