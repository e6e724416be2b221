using Clout.Core.Storage;

namespace Clout.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset SyncCreated = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sync_sources_are_saved_replaced_listed_and_removed()
    {
        await using var store = await NewStoreAsync();
        var feed = new SyncSource("feed-1", "feed", "https://blog.example/", "https://blog.example/feed.xml", SyncCreated);
        var mastodon = new SyncSource("mastodon-1", "mastodon", "https://mastodon.example", "@alice", SyncCreated.AddMinutes(1));
        await store.SaveSyncSourceAsync(mastodon, Token);
        await store.SaveSyncSourceAsync(feed, Token);
        (await store.ListSyncSourcesAsync(Token)).ShouldBe([feed, mastodon]);

        var advanced = mastodon with { Cursor = """{"since_id":"42"}""", LastRun = SyncCreated.AddHours(1), LastError = "HTTP 503", LastCount = 7 };
        await store.SaveSyncSourceAsync(advanced, Token);
        (await store.ListSyncSourcesAsync(Token)).ShouldBe([feed, advanced]);

        (await store.RemoveSyncSourceAsync("feed-1", Token)).ShouldBeTrue();
        (await store.RemoveSyncSourceAsync("feed-1", Token)).ShouldBeFalse();
        (await store.ListSyncSourcesAsync(Token)).ShouldBe([advanced]);
    }

    [Fact]
    public async Task A_sync_page_stores_its_records_and_then_the_advanced_cursor()
    {
        await using var store = await NewStoreAsync();
        var source = new SyncSource("mastodon-1", "mastodon", "https://mastodon.example", "@alice", SyncCreated);
        await store.SaveSyncSourceAsync(source, Token);

        var advanced = source with { Cursor = """{"since_id":"7"}""", LastRun = SyncCreated.AddMinutes(5), LastCount = ContractData.Records().Count };
        var counts = await store.ImportSyncPageAsync(ContractData.Records(), advanced, Token);
        counts.Posts.ShouldBe(3);
        (await store.ListSyncSourcesAsync(Token)).ShouldBe([advanced]);

        // The same page again (a resumed run that crashed before its cursor was kept) stores nothing twice.
        var again = await store.ImportSyncPageAsync(ContractData.Records(), advanced, Token);
        again.Posts.ShouldBe(0);
        again.Duplicates.ShouldBe(ContractData.Records().Count);
    }
}
