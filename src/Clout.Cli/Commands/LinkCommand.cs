using System.CommandLine;
using System.Globalization;
using Clout.Application.Identity;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary>
/// <c>clout link PERSON NETWORK:ACCOUNT</c> links an account to a person; <c>clout link --suggest</c> lists links the
/// data suggests, each with the command that confirms it.
/// </summary>
public static class LinkCommand
{
    public static Command Build()
    {
        var person = new Argument<string?>("person") { Description = "The person: person id, network:account or @handle of one of their accounts, or a new person id", Arity = ArgumentArity.ZeroOrOne };
        var account = new Argument<string?>("account") { Description = "The account to link, as NETWORK:ACCOUNT (such as mastodon:alice@mastodon.social)", Arity = ArgumentArity.ZeroOrOne };
        var suggest = new Option<bool>("--suggest") { Description = "List links suggested by the data (same handle, profile links) instead of linking" };
        var minConfidence = new Option<double>("--min-confidence") { Description = "With --suggest: only suggestions at least this confident (0-1)", DefaultValueFactory = _ => 0.5, HelpName = "C" };
        var n = CliOptions.Count("--n", "With --suggest: how many suggestions at most", 50, 1, 100_000);
        minConfidence.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                result.AddError($"--min-confidence {value.ToString(CultureInfo.InvariantCulture)} is out of range; expected 0 to 1");
            }
        });
        var command = new Command("link", "Link an account to a person, or list suggested links (--suggest)") { person, account, suggest, minConfidence, n };
        command.Validators.Add(result =>
        {
            var args = (result.GetValue(person) is null ? 0 : 1) + (result.GetValue(account) is null ? 0 : 1);
            if (result.GetValue(suggest) && args > 0)
            {
                result.AddError("--suggest takes no PERSON or NETWORK:ACCOUNT; expected either clout link --suggest or clout link PERSON NETWORK:ACCOUNT");
            }
            else if (!result.GetValue(suggest) && args < 2)
            {
                result.AddError(args == 0
                    ? "PERSON and NETWORK:ACCOUNT are missing; expected clout link PERSON NETWORK:ACCOUNT (or clout link --suggest)"
                    : "NETWORK:ACCOUNT is missing; expected clout link PERSON NETWORK:ACCOUNT, such as clout link alice mastodon:alice@mastodon.social");
            }
        });
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var service = new IdentityService(store);
            if (ctx.Parse.GetValue(suggest))
            {
                var all = await service.SuggestAsync(new SuggestionMatcher { MinConfidence = ctx.Parse.GetValue(minConfidence) }, ct);
                var shown = all.Take(ctx.Parse.GetValue(n)).ToList();
                if (ctx.Json)
                {
                    ctx.WriteJson(Views.Suggestions(shown, all.Count));
                }
                else
                {
                    TextViews.Suggestions(ctx.Out, shown, all.Count, ctx.Parse.GetValue(minConfidence));
                }

                return CommandContext.Ok;
            }

            var change = await service.LinkAsync(ctx.Parse.GetValue(person)!, ctx.Parse.GetValue(account)!, ct);
            return await ReportAsync(ctx, change, change.Changed
                ? $"linked {change.Account} to {change.To} (it was {Was(change)}); scores include it from the next clout score run"
                : $"{change.Account} is already linked to {change.To}; nothing changed");
        }));
        return command;
    }

    /// <summary>Reports a link or unlink: the change as JSON with --json, else <paramref name="text"/>.</summary>
    internal static async Task<int> ReportAsync(CommandContext ctx, LinkChange change, string text)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(Views.Link(change));
        }
        else
        {
            await ctx.Out.WriteLineAsync(text);
        }

        return CommandContext.Ok;
    }

    private static string Was(LinkChange change) =>
        string.Equals(change.From, change.Account.ToString(), StringComparison.Ordinal) ? "its own person" : $"linked to {change.From}";
}
