using System.CommandLine;
using Clout.Application.Identity;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary><c>clout unlink NETWORK:ACCOUNT</c>: the account becomes its own person again.</summary>
public static class UnlinkCommand
{
    public static Command Build()
    {
        var account = new Argument<string>("account") { Description = "The account to unlink, as NETWORK:ACCOUNT" };
        var command = new Command("unlink", "Make an account its own person again (scored alone from the next score run)") { account };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var change = await new IdentityService(store).UnlinkAsync(ctx.Parse.GetValue(account)!, ct);
            return await LinkCommand.ReportAsync(ctx, change, change.Changed
                ? $"unlinked {change.Account} from {change.From}; it is its own person again from the next clout score run"
                : $"{change.Account} is not linked to anyone; nothing changed");
        }));
        return command;
    }
}
