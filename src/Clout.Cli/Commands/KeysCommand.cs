using System.CommandLine;
using Clout.Application.Keys;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary><c>clout keys create|list|revoke</c>: API keys for the server (stored hashed; a key is shown once).</summary>
public static class KeysCommand
{
    public static Command Build()
    {
        var command = new Command("keys", "Create, list and revoke API keys");
        command.Subcommands.Add(Create());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command Create()
    {
        var name = new Argument<string>("name") { Description = "What the key is for (a person, an app)" };
        var perSecond = new Option<int?>("--per-second") { Description = "Requests per second for this key (default: the server's)", HelpName = "N" };
        var perDay = new Option<int?>("--per-day") { Description = "Requests per UTC day for this key (default: the server's)", HelpName = "N" };
        var command = new Command("create", "Create a key and print it (it is shown only this once)") { name, perSecond, perDay };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var created = await new ApiKeyService(store, TimeProvider.System).CreateAsync(ctx.Parse.GetValue(name)!, ctx.Parse.GetValue(perSecond), ctx.Parse.GetValue(perDay), ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new { id = created.Key.Id, name = created.Key.Name, key = created.Token, per_second = created.Key.PerSecond, per_day = created.Key.PerDay });
            }
            else
            {
                await ctx.Out.WriteLineAsync(created.Token);
                await ctx.Error.WriteLineAsync($"created key {created.Key.Id} ({created.Key.Name}); store it now: only its hash is kept");
            }

            return CommandContext.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List keys (ids, names, limits; never the keys themselves)");
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var keys = await new ApiKeyService(store, TimeProvider.System).ListAsync(ct);
            if (ctx.Json)
            {
                ctx.WriteJson(keys.Select(k => new { id = k.Id, name = k.Name, created = k.Created, revoked = k.Revoked, per_second = k.PerSecond, per_day = k.PerDay }).ToArray());
                return CommandContext.Ok;
            }

            await ctx.Out.WriteLineAsync($"{"id",-8}  {"created",-20}  {"state",-8}  {"per s",7}  {"per day",10}  name");
            foreach (var k in keys)
            {
                var state = k.Revoked is null ? "active" : "revoked";
                await ctx.Out.WriteLineAsync($"{k.Id,-8}  {k.Created:yyyy-MM-dd HH:mm:ss}Z  {state,-8}  {Limit(k.PerSecond),7}  {Limit(k.PerDay),10}  {k.Name}");
            }

            return CommandContext.Ok;
        }));
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = "The key's id, as clout keys list shows it" };
        var command = new Command("revoke", "Revoke a key (a running server stops accepting it within seconds)") { id };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var keyId = ctx.Parse.GetValue(id)!;
            if (!await new ApiKeyService(store, TimeProvider.System).RevokeAsync(keyId, ct))
            {
                throw new KeyNotFoundException($"no API key '{keyId}' in {store.Location}; see clout keys list");
            }

            await ctx.Out.WriteLineAsync($"revoked key {keyId}");
            return CommandContext.Ok;
        }));
        return command;
    }

    private static string Limit(int? value) => value is null ? "default" : value.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
