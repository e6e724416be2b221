using System.CommandLine;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary><c>clout init</c>: creates the store (or upgrades its schema) and says where it is.</summary>
public static class InitCommand
{
    public static Command Build()
    {
        var command = new Command("init", "Create the store, or upgrade its schema to this version");
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var version = await store.GetSchemaVersionAsync(ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new { store = store.Location, schema_version = version });
            }
            else
            {
                await ctx.Out.WriteLineAsync($"store ready: {store.Location} (schema version {version})");
            }

            return CommandContext.Ok;
        }));
        return command;
    }
}
