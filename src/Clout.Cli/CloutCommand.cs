using System.CommandLine;
using Clout.Cli.Commands;
using Clout.Cli.Infrastructure;

namespace Clout.Cli;

/// <summary>The <c>clout</c> command and its subcommands.</summary>
public static class CloutCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Clout: open, explainable social influence scores");
        root.Options.Add(CliOptions.Db);
        root.Options.Add(CliOptions.Store);
        root.Options.Add(CliOptions.Json);
        root.Options.Add(CliOptions.Topics);
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(InitCommand.Build());
        root.Subcommands.Add(ImportCommand.Build());
        root.Subcommands.Add(GenerateCommand.Build());
        root.Subcommands.Add(ScoreCommand.Build());
        root.Subcommands.Add(ShowCommand.Build());
        root.Subcommands.Add(ExplainCommand.Build());
        root.Subcommands.Add(TopCommand.Build());
        root.Subcommands.Add(CalibrateCommand.Build());
        root.Subcommands.Add(FindCommand.Build());
        root.Subcommands.Add(EndorseCommand.Build());
        root.Subcommands.Add(ValidateCommand.Build());
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(KeysCommand.Build());
        root.Subcommands.Add(RankCommand.Build());
        root.Subcommands.Add(LinkCommand.Build());
        root.Subcommands.Add(UnlinkCommand.Build());
        root.Subcommands.Add(SyncCommand.Build());
        return root;
    }
}
