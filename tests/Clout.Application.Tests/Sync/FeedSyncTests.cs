namespace Clout.Application.Tests.Sync;

public sealed class FeedSyncTests
{
    [Fact]
    public async Task A_feed_stores_only_new_entries_and_an_unchanged_feed_answers_not_modified()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Server.FeedEntriesHidden = 5;
        await bed.AddAsync("feed", bed.Server.Url + "/feed.xml", endpoint: null);

        var first = await bed.RunAsync();
        first.Error.ShouldBeNull();
        first.Counts.Posts.ShouldBe(20);
        var cursor = (await bed.SourceAsync("feed-1")).Cursor!;
        cursor.ShouldContain("\"etag\":");
        cursor.ShouldContain("\"seen\":");

        bed.Server.FeedEntriesHidden = 0;
        var second = await bed.RunAsync();
        second.Counts.Posts.ShouldBe(5);
        bed.Posts().Count.ShouldBe(25);

        var third = await bed.RunAsync();
        third.Error.ShouldBeNull();
        third.Pages.ShouldBe(0);
        third.Counts.Posts.ShouldBe(0);
        bed.Progress.ShouldContain(l => l.Contains("not modified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_truncated_feed_is_fetched_again()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Server.Inject(new Fault("/feed.xml", FaultKind.Truncated));
        bed.Server.Inject(new Fault("/feed.xml", FaultKind.TooManyRequests, RetryAfter: "0"));
        await bed.AddAsync("feed", bed.Server.Url + "/feed.xml", endpoint: null);

        var report = await bed.RunAsync();

        report.Error.ShouldBeNull();
        report.Counts.Posts.ShouldBe(25);
        report.Requests.ShouldBe(3);
    }
}
