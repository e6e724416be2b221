using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Core.Scoring;

namespace Clout.Core.Storage;

/// <summary>
/// Everything Clout keeps: raw events (deduplicated by network and source id), daily roll-ups, identities and
/// score snapshots. Implemented by the embedded SQLite store and the ClickHouse cluster store; both pass the
/// same contract tests.
/// </summary>
public interface ICloutStore : IAsyncDisposable
{
    /// <summary>The store URI, such as <c>sqlite:clout.db</c>.</summary>
    string Location { get; }

    /// <summary>True when an import is one transaction. Otherwise callers validate a whole input before writing it.</summary>
    bool AtomicImport { get; }

    /// <summary>Creates or upgrades the schema to the newest version. Safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores records; re-imported records (same network and source id) change nothing. If enumerating
    /// <paramref name="records"/> throws, nothing of this call is kept (on atomic stores). Actors and targets that
    /// have no account record yet get an account row of their own. <paramref name="progress"/> receives records done.
    /// </summary>
    Task<ImportCounts> ImportAsync(IEnumerable<ImportRecord> records, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>The first and last days with any post or action, or null when the store has none.</summary>
    Task<(DateOnly First, DateOnly Last)?> GetActivitySpanAsync(CancellationToken cancellationToken = default);

    /// <summary>Streams the window of <paramref name="days"/> days ending with <paramref name="day"/> (inclusive) into the sink.</summary>
    Task ReadWindowAsync(DateOnly day, int days, IWindowSink sink, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the topic evidence of the window of <paramref name="days"/> days ending with <paramref name="day"/>
    /// (inclusive): accounts with their profile text, posts with the reactions they received, list adds and endorsements.
    /// </summary>
    Task ReadTopicWindowAsync(DateOnly day, int days, ITopicSink sink, CancellationToken cancellationToken = default);

    /// <summary>
    /// The people with the highest score on a topic (by slug) on a day (latest when null), optionally only people
    /// with an account on one network and at least <paramref name="minScore"/> on the topic.
    /// </summary>
    Task<IReadOnlyList<TopicLeaderboardEntry>> GetTopicLeaderboardAsync(string topic, DateOnly? day, string version, Network? network, double minScore, int limit, CancellationToken cancellationToken = default);

    /// <summary>Engagement received by the posts of the given accounts in a period, weighted by actor quality stored for <paramref name="qualityDay"/>.</summary>
    Task<IReadOnlyList<PostEngagement>> GetPostEngagementAsync(IReadOnlyList<AccountKey> authors, DateOnly from, DateOnly to, DateOnly qualityDay, string version, CancellationToken cancellationToken = default);

    Task<PersonInfo?> GetPersonAsync(string person, CancellationToken cancellationToken = default);

    /// <summary>The person an account belongs to, or null if the account is unknown.</summary>
    Task<PersonInfo?> GetPersonByAccountAsync(AccountKey account, CancellationToken cancellationToken = default);

    /// <summary>People whose person id, name or account handle starts with or equals the query (case-insensitive).</summary>
    Task<IReadOnlyList<PersonInfo>> SearchPeopleAsync(string query, int limit, CancellationToken cancellationToken = default);

    /// <summary>All accounts with their raw source fields (for identity suggestions and exports), in store order.</summary>
    IAsyncEnumerable<AccountInfo> GetAccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Links an account to a person (created if new). Returns false when the account is unknown.</summary>
    Task<bool> LinkAsync(string person, AccountKey account, CancellationToken cancellationToken = default);

    /// <summary>Makes an account its own person again. Returns false when the account is unknown.</summary>
    Task<bool> UnlinkAsync(AccountKey account, CancellationToken cancellationToken = default);

    /// <summary>
    /// Called by a long-lived reader (the API server) for as long as it serves. An embedded store keeps its file open
    /// until the result is disposed, so that another process's bulk write (a first import, a daily run) sees a reader
    /// and keeps the write-ahead log, and the reader's requests never wait for that write. Null where there is
    /// nothing to hold.
    /// </summary>
    IDisposable? HoldForReaders() => null;

    /// <summary>Publishes one run: replaces every snapshot of (day, version) in one step, so readers never see half a run.</summary>
    Task WriteScoresAsync(ScoreRun run, IReadOnlyList<ScoreSnapshot> people, IReadOnlyList<AccountScore> accounts, CancellationToken cancellationToken = default);

    /// <summary>Scores of every person scored on a day with a version (for deltas and comparisons).</summary>
    Task<IReadOnlyDictionary<string, double>> GetScoresAsync(DateOnly day, string version, CancellationToken cancellationToken = default);

    /// <summary>A person's snapshot on a day, or on the latest scored day when <paramref name="day"/> is null.</summary>
    Task<ScoreSnapshot?> GetSnapshotAsync(string person, DateOnly? day, string version, CancellationToken cancellationToken = default);

    /// <summary>A person's snapshot with only the <paramref name="parts"/> asked for (the others empty).</summary>
    Task<ScoreSnapshot?> GetSnapshotAsync(string person, DateOnly? day, string version, SnapshotParts parts, CancellationToken cancellationToken = default);

    /// <summary>Leaderboard for a day (latest when null), optionally of people with an account on one network.</summary>
    Task<IReadOnlyList<LeaderboardEntry>> GetLeaderboardAsync(DateOnly? day, string version, Network? network, int offset, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<HistoryPoint>> GetHistoryAsync(string person, DateOnly from, DateOnly to, string version, CancellationToken cancellationToken = default);

    Task<DateOnly?> GetLatestScoredDayAsync(string version, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ScoreRun>> GetRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>A small key/value table for settings such as the published algorithm version.</summary>
    Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default);

    Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <summary>The person whose <see cref="KloutId"/> is <paramref name="kloutId"/>, or null.</summary>
    Task<string?> FindPersonByKloutIdAsync(long kloutId, CancellationToken cancellationToken = default);

    /// <summary>Stores a new API key (its hash only). Throws when the id is taken.</summary>
    Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    /// <summary>The key with this SHA-256 hash (hex), revoked or not, or null.</summary>
    Task<ApiKey?> FindApiKeyAsync(string hash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks a key revoked. Returns false when no key has that id.</summary>
    Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset when, CancellationToken cancellationToken = default);

    /// <summary>Every sync source, ordered by id.</summary>
    Task<IReadOnlyList<SyncSource>> ListSyncSourcesAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a sync source or replaces the one with the same id (its cursor, last run and last error).</summary>
    Task SaveSyncSourceAsync(SyncSource source, CancellationToken cancellationToken = default);

    /// <summary>Removes a sync source (the records it stored stay). Returns false when no source has that id.</summary>
    Task<bool> RemoveSyncSourceAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores one fetched page of records and then the source with its advanced cursor. On atomic stores both are
    /// one transaction; otherwise the records are stored first, so that a crash in between leaves the old cursor
    /// and the page is fetched again and deduplicated by source id: no gap and no duplicate either way.
    /// </summary>
    Task<ImportCounts> ImportSyncPageAsync(IEnumerable<ImportRecord> records, SyncSource advanced, CancellationToken cancellationToken = default);
}
