using Clout.Core.Records;
using Clout.Core.Storage;
using Clout.Importers;

namespace Clout.Application.Sync;

/// <summary>
/// One run of one source, as its connector sees it: the source and cursor, HTTP through the shared pipeline, and
/// <see cref="StoreAsync"/>, which stores a page and only then advances the cursor. Records that fail to map are
/// skipped and reported (a live source must not stall on one bad record).
/// </summary>
public sealed class SyncRun
{
    private const int KeptErrors = 20;

    private readonly ICloutStore store;
    private readonly List<ImportError> errors = [];

    internal SyncRun(SyncSource source, ICloutStore store, SyncHttp http, SyncOptions options, TimeProvider clock, Action<string> progress, StreamLimits? limits)
    {
        Source = source;
        Cursor = SyncCursor.Parse(source.Cursor, source.Id);
        this.store = store;
        Http = http;
        Options = options;
        Clock = clock;
        Progress = progress;
        Limits = limits;
    }

    public SyncSource Source { get; private set; }

    /// <summary>The cursor as last stored: where this run resumes.</summary>
    public SyncCursor Cursor { get; private set; }

    public SyncHttp Http { get; }

    public SyncOptions Options { get; }

    public TimeProvider Clock { get; }

    /// <summary>Progress lines (stderr in the CLI).</summary>
    public Action<string> Progress { get; }

    /// <summary>Follow mode's limits for streams; null for a one-shot run.</summary>
    public StreamLimits? Limits { get; }

    public ImportCounts Counts { get; private set; } = new();

    public long Skipped { get; private set; }

    public IReadOnlyList<ImportError> Errors => errors;

    public int Pages { get; private set; }

    /// <summary>Stream events received (for streams), or items listed (for pages).</summary>
    public long Events { get; set; }

    /// <summary>The date counters are recorded on when a response does not carry one.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public ImportOptions ImportOptions => new() { SnapshotDate = Today };

    /// <summary>
    /// Stores one page of mapped items and then <paramref name="next"/> as the source's cursor (one transaction on
    /// SQLite; records first on ClickHouse). A crash before this returns leaves the old cursor: the page is fetched
    /// again and deduplicated.
    /// </summary>
    public async Task StoreAsync(IEnumerable<ImportItem> items, SyncCursor next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(next);
        var records = new List<ImportRecord>();
        foreach (var item in items)
        {
            if (item.Record is { } record)
            {
                records.Add(record);
            }
            else if (item.Error is { } error)
            {
                Skipped++;
                if (errors.Count < KeptErrors)
                {
                    errors.Add(error);
                }

                Progress($"skipped: {error}");
            }
        }

        var advanced = Source with { Cursor = next.ToJson() };
        var counts = await store.ImportSyncPageAsync(records, advanced, cancellationToken).ConfigureAwait(false);
        Source = advanced;
        Cursor = next;
        Counts = Counts.Add(counts);
        Pages++;
        Progress($"page {Pages}: {counts.Posts:N0} new posts, {counts.Actions:N0} new actions, {counts.Accounts:N0} new accounts, {counts.Duplicates:N0} already stored; cursor {next}");
    }

    /// <summary>Fetches JSON through the shared pipeline, naming this source in errors.</summary>
    public Task<SyncResponse> GetJsonAsync(Uri uri, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null) =>
        Http.GetAsync(Source.Id, uri, headers, json: true, cancellationToken);

    /// <summary>Says the run stopped at <see cref="SyncOptions.MaxPages"/> and where the next run resumes.</summary>
    public void StoppedAtPageLimit(SyncCursor resumesFrom) =>
        Progress($"stopped after {Options.MaxPages} pages; the next run continues from {resumesFrom}");

    /// <summary>A secret (token, key) by its variable name, or null.</summary>
    public string? Secret(string name) => Options.Secret(name) is { Length: > 0 } s ? s : null;
}
