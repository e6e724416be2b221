using Clout.Application.Sync;
using Clout.Storage.Sqlite;

namespace Clout.Application.Tests.Sync;

/// <summary>Sources are checked when added: the connector, what to follow and the endpoint, each with a clear error.</summary>
public sealed class SyncSourceValidationTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"clout-sync-{Guid.NewGuid():N}.db");
    private SqliteStore store = null!;

    private SyncService Service => new(store, new SyncOptions(), TimeProvider.System);

    public async ValueTask InitializeAsync()
    {
        store = new SqliteStore(path);
        await store.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    [Theory]
    [InlineData("myspace", "x", null, "'myspace' is not a sync connector; expected one of mastodon, bluesky, jetstream, feed, reddit, mastodon-stream, youtube")]
    [InlineData("mastodon", "not an account!", null, "mastodon: 'not an account!' is not an account; expected @name, @name@server, a numeric account id or 'notifications'")]
    [InlineData("bluesky", "did:plc:abc/not a collection", null, "bluesky: collection 'not a collection' is not an NSID")]
    [InlineData("bluesky", "-bad-", null, "bluesky: '-bad-' is neither a DID")]
    [InlineData("jetstream", "app.bsky.feed.post,whatever", null, "jetstream: 'whatever' is neither a collection NSID")]
    [InlineData("feed", "ftp://example.com/feed", null, "feed: 'ftp://example.com/feed' is not an http(s) URL")]
    [InlineData("reddit", "askreddit", null, "reddit: 'askreddit' is neither r/SUBREDDIT nor u/USER")]
    [InlineData("mastodon", "@alice", "mastodon.social", "--endpoint 'mastodon.social' is not an absolute http(s) or ws(s) URL")]
    [InlineData("mastodon", "  ", null, "mastodon: what to follow is empty")]
    [InlineData("youtube", "PewDiePie", null, "youtube: 'PewDiePie' is neither channel:UC… (a 24-character channel id) nor video:ID (an 11-character video id)")]
    [InlineData("mastodon-stream", "everything", null, "mastodon-stream: 'everything' is not a stream; expected public, public:local, hashtag:TAG or user")]
    public async Task Bad_sources_are_refused_with_what_was_expected(string connector, string follow, string? endpoint, string message)
    {
        var e = await Should.ThrowAsync<ArgumentException>(() => Service.AddAsync(connector, follow, endpoint, TestContext.Current.CancellationToken));
        e.Message.ShouldStartWith(message);
        (await store.ListSyncSourcesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sources_get_numbered_ids_and_the_same_source_twice_is_refused()
    {
        (await Service.AddAsync("mastodon", "alice", "https://mastodon.example/", TestContext.Current.CancellationToken)).ShouldBe(
            new Clout.Core.Storage.SyncSource("mastodon-1", "mastodon", "https://mastodon.example", "@alice", (await store.ListSyncSourcesAsync())[0].Created));
        (await Service.AddAsync("mastodon", "@bob@mastodon.example", "https://mastodon.example", TestContext.Current.CancellationToken)).Id.ShouldBe("mastodon-2");
        var e = await Should.ThrowAsync<InvalidOperationException>(() => Service.AddAsync("mastodon", "@alice", "https://mastodon.example", TestContext.Current.CancellationToken));
        e.Message.ShouldBe("source mastodon-1 already follows @alice at https://mastodon.example");
    }

    [Fact]
    public async Task A_damaged_cursor_stops_only_its_source_with_a_clear_error()
    {
        var source = await Service.AddAsync("feed", "https://blog.example/feed.xml", null, TestContext.Current.CancellationToken);
        await store.SaveSyncSourceAsync(source with { Cursor = "[1,2" });

        var report = (await Service.RunAsync(null, null, _ => { }, TestContext.Current.CancellationToken)).ShouldHaveSingleItem();

        report.Error!.ShouldStartWith("source feed-1: the stored cursor is not a JSON object of strings");
    }

    [Fact]
    public async Task Unknown_sources_and_follow_mode_without_streams_are_refused()
    {
        await Should.ThrowAsync<KeyNotFoundException>(() => Service.RunAsync("feed-9", null, _ => { }, TestContext.Current.CancellationToken));
        await Service.AddAsync("feed", "https://blog.example/feed.xml", null, TestContext.Current.CancellationToken);
        var e = await Should.ThrowAsync<ArgumentException>(() => Service.RunAsync(null, new StreamLimits(TimeSpan.FromSeconds(1), null), _ => { }, TestContext.Current.CancellationToken));
        e.Message.ShouldContain("--follow needs a stream source");
    }
}
