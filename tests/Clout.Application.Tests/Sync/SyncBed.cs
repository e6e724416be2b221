using Clout.Application.Sync;
using Clout.Core.Storage;
using Clout.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Clout.Application.Tests.Sync;

/// <summary>A replay server, a real SQLite store in a temporary file, and sync options with tiny waits.</summary>
internal sealed class SyncBed : IAsyncDisposable
{
    private SyncBed(ReplayServer server, string path, SqliteStore store)
    {
        Server = server;
        Path = path;
        Store = store;
    }

    public ReplayServer Server { get; }

    public string Path { get; }

    public SqliteStore Store { get; }

    public List<string> Progress { get; } = [];

    public SyncOptions Options { get; set; } = new()
    {
        MaxRetries = 6,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRateLimitWait = TimeSpan.FromMilliseconds(20),
        RequestTimeout = TimeSpan.FromSeconds(1),
        PageSize = 3,
        StreamIdle = TimeSpan.FromMilliseconds(400),
        StreamBatch = 20,
        Secret = _ => null,
    };

    public static async Task<SyncBed> StartAsync()
    {
        var server = await ReplayServer.StartAsync();
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clout-sync-{Guid.NewGuid():N}.db");
        var store = new SqliteStore(path);
        await store.MigrateAsync();
        return new SyncBed(server, path, store);
    }

    public SyncService Service => new(Store, Options, TimeProvider.System);

    /// <summary>Adds a source at the replay server (or at <paramref name="endpoint"/>; feeds pass null: the feed is its endpoint).</summary>
    public Task<SyncSource> AddAsync(string connector, string follow, string? endpoint = "") =>
        Service.AddAsync(connector, follow, endpoint == "" ? Server.Url : endpoint, TestContext.Current.CancellationToken);

    public async Task<SyncSourceReport> RunAsync(string? source = null, StreamLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var token = cancellationToken == default ? TestContext.Current.CancellationToken : cancellationToken;
        var reports = await Service.RunAsync(source, limits, line =>
        {
            lock (Progress)
            {
                Progress.Add(line);
            }
        }, token);
        return reports.ShouldHaveSingleItem();
    }

    public async Task<SyncSource> SourceAsync(string id) => (await Store.ListSyncSourcesAsync()).Single(s => s.Id == id);

    /// <summary>Source ids of every stored post, sorted.</summary>
    public List<string> Posts() => Column("SELECT source_id FROM posts ORDER BY source_id");

    /// <summary>Source ids of every stored action, sorted.</summary>
    public List<string> Actions() => Column("SELECT source_id FROM actions ORDER BY source_id");

    public List<string> Column(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Requests the server saw whose path and query contain <paramref name="part"/>.</summary>
    public List<string> Requests(string part) => Server.Requests.Where(r => r.Contains(part, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
