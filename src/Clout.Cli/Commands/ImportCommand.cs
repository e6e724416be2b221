using System.CommandLine;
using Clout.Application.Importing;
using Clout.Cli.Infrastructure;
using Clout.Core.Domain;
using Clout.Importers;

namespace Clout.Cli.Commands;

/// <summary><c>clout import PATH</c>: reads a file or export folder into the store, all or nothing.</summary>
public static class ImportCommand
{
    public static Command Build()
    {
        var path = new Argument<string>("path") { Description = "File or export folder to import" };
        var format = new Option<string?>("--format") { Description = $"Input format (detected from the path when unambiguous): {ImporterRegistry.Names}", HelpName = "NAME" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid records and report the invalid ones, instead of importing nothing" };
        var network = new Option<string?>("--network") { Description = $"Network of formats that do not say it: {NetworkNames.Expected}", HelpName = "NAME" };
        var kind = new Option<string?>("--kind") { Description = $"Default action kind of formats that do not say it: {KindNames.ExpectedActions}", HelpName = "KIND" };
        var person = new Option<string?>("--person") { Description = "Person the imported account belongs to (single-account exports)", HelpName = "ID" };
        var snapshot = CliOptions.Date("--snapshot-date", "Date of counters and follow edges for formats that do not date them (default: today, UTC)");
        var command = new Command("import", "Import a file or export folder into the store (re-importing changes nothing)")
        {
            path, format, skipInvalid, network, kind, person, snapshot,
        };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var options = new ImportOptions
            {
                Network = ParseNetwork(ctx.Parse.GetValue(network)),
                DefaultKind = ParseKind(ctx.Parse.GetValue(kind)),
                Person = ctx.Parse.GetValue(person),
                SnapshotDate = ctx.Parse.GetValue(snapshot),
            };
            var file = ctx.Parse.GetValue(path)!;
            await using var store = await ctx.OpenStoreAsync(ct);
            using var progress = ctx.Progress($"importing {Path.GetFileName(file)}");
            var report = await ImportService.ImportAsync(store, file, ctx.Parse.GetValue(format), options, ctx.Parse.GetValue(skipInvalid), progress, ct);
            progress.Dispose();
            foreach (var error in report.Errors)
            {
                await ctx.Error.WriteLineAsync($"skipped: {error}");
            }

            if (report.Skipped > report.Errors.Count)
            {
                await ctx.Error.WriteLineAsync($"skipped {report.Skipped:N0} invalid records in all (the first {report.Errors.Count} are shown)");
            }

            var c = report.Counts;
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    path = report.Path,
                    format = report.Format,
                    accounts = c.Accounts,
                    posts = c.Posts,
                    actions = c.Actions,
                    metrics = c.Metrics,
                    duplicates = c.Duplicates,
                    skipped = report.Skipped,
                    seconds = Math.Round(report.Seconds, 3),
                    records_per_second = Math.Round(report.RecordsPerSecond),
                    errors = report.Errors.Select(e => e.ToString()).ToArray(),
                });
            }
            else
            {
                await ctx.Out.WriteLineAsync($"imported {report.Path} ({report.Format}) into {store.Location}");
                await ctx.Out.WriteLineAsync($"  new: {c.Accounts:N0} accounts, {c.Posts:N0} posts, {c.Actions:N0} actions, {c.Metrics:N0} metric snapshots");
                await ctx.Out.WriteLineAsync($"  already stored: {c.Duplicates:N0}; skipped as invalid: {report.Skipped:N0}");
                await ctx.Out.WriteLineAsync($"  {report.Seconds:N1} s, {report.RecordsPerSecond:N0} records/s");
            }

            return report.Skipped > 0 ? CommandContext.Failed : CommandContext.Ok;
        }));
        return command;
    }

    internal static Network? ParseNetwork(string? text) =>
        text is null ? null
        : NetworkNames.TryParse(text, out var n) ? n
        : throw new ArgumentException($"--network '{text}' is not a network; expected one of {NetworkNames.Expected}");

    internal static ActionKind? ParseKind(string? text) =>
        text is null ? null
        : KindNames.TryParseAction(text, out var k) ? k
        : throw new ArgumentException($"--kind '{text}' is not an action kind; expected one of {KindNames.ExpectedActions}");
}
