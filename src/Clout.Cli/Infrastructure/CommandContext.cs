using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clout.Application.Stores;
using Clout.Core.Records;
using Clout.Core.Storage;

namespace Clout.Cli.Infrastructure;

/// <summary>
/// What a command's action works with: the parsed options, the store, stdout for results and stderr for
/// progress and errors. Wraps the action so that every failure becomes a message on stderr and an exit code.
/// </summary>
public sealed class CommandContext(ParseResult parse)
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public ParseResult Parse { get; } = parse;

    public bool Json => Parse.GetValue(CliOptions.Json);

    public TextWriter Out { get; } = Console.Out;

    public TextWriter Error { get; } = Console.Error;

    public string StoreUri => StoreLocation.Resolve(Parse.GetValue(CliOptions.Store), Parse.GetValue(CliOptions.Db));

    public Clout.Engine.Topics.TopicTaxonomy Taxonomy => taxonomy ??= Clout.Application.Topics.TaxonomyLoader.Load(Parse.GetValue(CliOptions.Topics));

    private Clout.Engine.Topics.TopicTaxonomy? taxonomy;

    public Task<ICloutStore> OpenStoreAsync(CancellationToken cancellationToken) => StoreFactory.OpenAsync(StoreUri, cancellationToken);

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public ProgressReporter Progress(string title) => new(Error, title, quiet: false);

    public static Func<ParseResult, CancellationToken, Task<int>> Run(Func<CommandContext, CancellationToken, Task<int>> action) =>
        async (parse, cancellationToken) =>
        {
            var context = new CommandContext(parse);
            try
            {
                return await action(context, cancellationToken);
            }
            catch (ImportFailedException e)
            {
                foreach (var error in e.Errors.Count > 0 ? e.Errors.Select(x => x.ToString()) : [e.Message])
                {
                    await context.Error.WriteLineAsync($"error: {error}");
                }

                await context.Error.WriteLineAsync("nothing was imported");
                return Failed;
            }
            catch (Clout.Engine.Topics.TopicFileException e)
            {
                await context.Error.WriteLineAsync($"error: {e.Message}");
                return Usage;
            }
            catch (Clout.Engine.Graph.EdgeLists.EdgeListException e)
            {
                // A malformed input file, not a malformed command line.
                await context.Error.WriteLineAsync($"error: {e.Message}");
                return Failed;
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                await context.Error.WriteLineAsync($"error: {e.Message}");
                return Usage;
            }
            catch (OperationCanceledException)
            {
                await context.Error.WriteLineAsync("cancelled");
                return Failed;
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or HttpRequestException or Clout.Storage.ClickHouse.ClickHouseException or Clout.Application.Sync.SyncException)
            {
                await context.Error.WriteLineAsync($"error: {e.Message}");
                if (Environment.GetEnvironmentVariable("CLOUT_DEBUG") == "1")
                {
                    await context.Error.WriteLineAsync(e.ToString());
                }

                return Failed;
            }
            catch (Exception e)
            {
                // A bug, not bad input: say so plainly; the stack trace is there for whoever debugs it.
                await context.Error.WriteLineAsync($"error: unexpected failure: {e.GetType().Name}: {e.Message} (set CLOUT_DEBUG=1 for details)");
                if (Environment.GetEnvironmentVariable("CLOUT_DEBUG") == "1")
                {
                    await context.Error.WriteLineAsync(e.ToString());
                }

                return 70;
            }
        };
}
