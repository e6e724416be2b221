using System.CommandLine;
using System.Globalization;
using Clout.Application.Sync;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary>
/// <c>clout sync</c>: runs every live source once (or one, or follows the streams), and <c>clout sync add|list|remove</c>
/// to manage them. Each source keeps a cursor in the store, so a run fetches only what is new.
/// </summary>
public static class SyncCommand
{
    private const string NoSources = "no sync sources; add one with clout sync add";

    public static Command Build()
    {
        var source = new Option<string?>("--source") { Description = "Run only this source (an id from clout sync list)", HelpName = "ID" };
        var follow = new Option<bool>("--follow") { Description = "Keep the stream sources (jetstream, mastodon-stream) open until --duration or --max-events" };
        var duration = Duration("--duration", "How long --follow runs, such as 30s, 10m or 2h (default: until --max-events or Ctrl-C)");
        var maxEvents = new Option<long?>("--max-events") { Description = "Stop --follow after this many stream events", HelpName = "N" };
        maxEvents.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is { } n && n < 1)
            {
                r.AddError($"--max-events {n} is out of range; expected at least 1");
            }
        });
        var retries = CliOptions.Count("--retries", "Retries of a failing request (5xx, 429, timeouts, truncated bodies)", 5, 0, 100);
        var retryDelay = Duration("--retry-delay", "First backoff delay; later ones double, with jitter (default 1s)");
        var maxWait = Duration("--max-wait", "Longest wait a rate limit (429, Retry-After, reset headers) may impose (default 5m)");
        var timeout = Duration("--timeout", "Limit of one request, body included (default 30s)");
        var idle = Duration("--idle", "A one-shot run of a stream ends after this long without an event (default 5s)");
        var pageSize = CliOptions.Count("--page-size", "Items asked for per page (each API caps it)", 100, 1, 1000);
        var command = new Command("sync", "Fetch what is new from the live sources (Mastodon, Bluesky, Jetstream, Reddit, YouTube, feeds)")
        {
            source, follow, duration, maxEvents, retries, retryDelay, maxWait, timeout, idle, pageSize,
        };
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var defaults = new SyncOptions();
            var options = defaults with
            {
                MaxRetries = ctx.Parse.GetValue(retries),
                RetryDelay = ctx.Parse.GetValue(retryDelay) ?? defaults.RetryDelay,
                MaxRetryDelay = Max(defaults.MaxRetryDelay, ctx.Parse.GetValue(retryDelay) ?? TimeSpan.Zero),
                MaxRateLimitWait = ctx.Parse.GetValue(maxWait) ?? defaults.MaxRateLimitWait,
                RequestTimeout = ctx.Parse.GetValue(timeout) ?? defaults.RequestTimeout,
                StreamIdle = ctx.Parse.GetValue(idle) ?? defaults.StreamIdle,
                PageSize = ctx.Parse.GetValue(pageSize),
            };
            var followMode = ctx.Parse.GetValue(follow);
            var limits = followMode ? new StreamLimits(ctx.Parse.GetValue(duration), ctx.Parse.GetValue(maxEvents)) : null;
            if (!followMode && (ctx.Parse.GetValue(duration) is not null || ctx.Parse.GetValue(maxEvents) is not null))
            {
                throw new ArgumentException("--duration and --max-events apply to --follow; add --follow to keep the streams open");
            }

            options.Validate();
            await using var store = await ctx.OpenStoreAsync(ct);
            var service = new SyncService(store, options, TimeProvider.System);
            var reports = await service.RunAsync(ctx.Parse.GetValue(source), limits, line => ctx.Error.WriteLine(line), ct);
            if (ctx.Json)
            {
                ctx.WriteJson(reports.Select(r => new
                {
                    source = r.Source.Id,
                    connector = r.Source.Connector,
                    endpoint = r.Source.Endpoint,
                    follow = r.Source.Follow,
                    accounts = r.Counts.Accounts,
                    posts = r.Counts.Posts,
                    actions = r.Counts.Actions,
                    metrics = r.Counts.Metrics,
                    duplicates = r.Counts.Duplicates,
                    skipped = r.Skipped,
                    pages = r.Pages,
                    requests = r.Requests,
                    events = r.Events,
                    seconds = Math.Round(r.Seconds, 3),
                    cursor = r.Source.Cursor,
                    error = r.Error,
                    errors = r.Errors.Select(e => e.ToString()).ToArray(),
                }).ToArray());
            }
            else
            {
                foreach (var r in reports)
                {
                    var c = r.Counts;
                    await ctx.Out.WriteLineAsync($"{r.Source.Id} ({r.Source.Connector} {r.Source.Follow}): {c.Accounts:N0} accounts, {c.Posts:N0} posts, {c.Actions:N0} actions, {c.Metrics:N0} metric snapshots new; {c.Duplicates:N0} already stored; {r.Skipped:N0} skipped; {r.Pages:N0} pages, {r.Requests:N0} requests, {r.Seconds:N1} s");
                    if (r.Error is not null)
                    {
                        await ctx.Out.WriteLineAsync($"  failed: {r.Error}");
                    }
                }

                if (reports.Count == 0)
                {
                    await ctx.Out.WriteLineAsync(NoSources);
                }
            }

            return reports.Any(r => r.Failed) ? CommandContext.Failed : CommandContext.Ok;
        }));
        return command;
    }

    private static Command Add()
    {
        var connector = new Argument<string>("network") { Description = $"The connector: {SyncConnectors.Names}" };
        var what = new Argument<string>("follow") { Description = "What to follow: " + string.Join("; ", SyncConnectors.All.Select(c => $"{c.Name}: {c.Description}")) };
        var endpoint = new Option<string?>("--endpoint") { Description = "The server to talk to (default: the network's public one)", HelpName = "URL" };
        var command = new Command("add", "Add a live source to sync") { connector, what, endpoint };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var added = await new SyncService(store, new SyncOptions(), TimeProvider.System)
                .AddAsync(ctx.Parse.GetValue(connector)!, ctx.Parse.GetValue(what)!, ctx.Parse.GetValue(endpoint), ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new { id = added.Id, connector = added.Connector, endpoint = added.Endpoint, follow = added.Follow });
            }
            else
            {
                await ctx.Out.WriteLineAsync($"added {added.Id}: {added.Connector} {added.Follow} at {added.Endpoint}");
            }

            return CommandContext.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the sync sources with their cursors and last runs");
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var sources = await store.ListSyncSourcesAsync(ct);
            if (ctx.Json)
            {
                ctx.WriteJson(sources.Select(s => new
                {
                    id = s.Id,
                    connector = s.Connector,
                    endpoint = s.Endpoint,
                    follow = s.Follow,
                    created = s.Created,
                    cursor = s.Cursor,
                    last_run = s.LastRun,
                    last_count = s.LastCount,
                    last_error = s.LastError,
                }).ToArray());
                return CommandContext.Ok;
            }

            if (sources.Count == 0)
            {
                await ctx.Out.WriteLineAsync(NoSources);
            }

            foreach (var s in sources)
            {
                var last = s.LastRun is { } t ? $"last run {t:yyyy-MM-dd HH:mm:ss}Z, {s.LastCount:N0} new" + (s.LastError is null ? "" : $", failed: {s.LastError}") : "never run";
                await ctx.Out.WriteLineAsync($"{s.Id,-12}  {s.Connector,-10}  {s.Follow}  at {s.Endpoint}; {last}");
            }

            return CommandContext.Ok;
        }));
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("id") { Description = "The source's id, as clout sync list shows it" };
        var command = new Command("remove", "Remove a sync source (what it stored stays)") { id };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            await using var store = await ctx.OpenStoreAsync(ct);
            var sourceId = ctx.Parse.GetValue(id)!;
            if (!await store.RemoveSyncSourceAsync(sourceId, ct))
            {
                throw new KeyNotFoundException($"no sync source '{sourceId}' in {store.Location}; see clout sync list");
            }

            await ctx.Out.WriteLineAsync($"removed {sourceId}");
            return CommandContext.Ok;
        }));
        return command;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>A duration such as 250ms, 30s, 10m or 2h (a bare number is seconds).</summary>
    internal static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : string.Empty;
            if (TryParseDuration(text, out var value))
            {
                return value;
            }

            result.AddError($"{name} '{text}' is not a duration; expected a number with ms, s, m or h, such as 500ms, 30s or 10m");
            return null;
        },
    };

    internal static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        var (number, scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ when text.EndsWith('h') => (text[..^1], 3600.0),
            _ => (text, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || n < 0 || n * scale > 366 * 86400)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(n * scale);
        return true;
    }
}
