using System.CommandLine;
using Clout.Api;
using Clout.Cli.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clout.Cli.Commands;

/// <summary><c>clout serve</c>: the REST API, the Klout-compatible API and the dashboard on the store.</summary>
public static class ServeCommand
{
    public static Command Build()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {ApiOptions.DefaultUrls})", HelpName = "URL" };
        var requireKeys = new Option<bool>("--require-keys") { Description = "Ask for an API key on the read API and dashboard data too (for a public install)" };
        var perSecond = CliOptions.Count("--per-second", "Default requests per second per API key", 10, 1, 1_000_000);
        var perDay = CliOptions.Count("--per-day", "Default requests per UTC day per API key", 20_000, 1, 1_000_000_000);
        var command = new Command("serve", "Serve the REST API, the Klout-compatible API and the web dashboard") { urls, requireKeys, perSecond, perDay };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var options = new ApiOptions
            {
                Store = ctx.StoreUri,
                Urls = ctx.Parse.GetValue(urls),
                RequireKeysForRead = ctx.Parse.GetValue(requireKeys),
                PerSecond = ctx.Parse.GetValue(perSecond),
                PerDay = ctx.Parse.GetValue(perDay),
            };
            await using var app = CloutApi.BuildApp(options);
            await app.StartAsync(ct);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var first = addresses.FirstOrDefault() ?? options.Urls ?? ApiOptions.DefaultUrls;
            await ctx.Out.WriteLineAsync($"serving {options.Store}");
            await ctx.Out.WriteLineAsync($"  dashboard:      {first}{CloutApi.DashboardPath}");
            await ctx.Out.WriteLineAsync($"  API docs:       {first}{CloutApi.DocsPath} (OpenAPI: {first}{CloutApi.OpenApiPath})");
            await ctx.Out.WriteLineAsync($"  Klout v2 / v1:  {first}/v2/user.json/KLOUT_ID?key=KEY, {first}/1/klout.json?users=NAME&key=KEY");
            await ctx.Out.WriteLineAsync($"  read API keys:  {(options.RequireKeysForRead ? "required" : "not required (local install)")}; create keys with clout keys create NAME");
            await ctx.Out.WriteLineAsync("press Ctrl+C to stop");
            await app.WaitForShutdownAsync(ct);
            return CommandContext.Ok;
        }));
        return command;
    }
}
