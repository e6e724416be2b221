using Clout.Application.Sync;

namespace Clout.Application.Tests.Sync;

public sealed class BlueskySyncTests
{
    private const string Post = "app.bsky.feed.post";

    [Fact]
    public async Task ListRecords_pages_forward_by_record_key_and_the_next_run_starts_after_the_last_stored_key()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Options = bed.Options with { PageSize = 2 };
        var did = bed.Server.BusiestDid();
        var all = bed.Server.RecordsOf(did, Post);
        all.Count.ShouldBeGreaterThanOrEqualTo(3);
        bed.Server.RecordsPublished = 2;
        await bed.AddAsync("bluesky", $"{did}/{Post}");

        var first = await bed.RunAsync();

        first.Error.ShouldBeNull();
        first.Counts.Posts.ShouldBe(2);
        bed.Posts().ShouldBe(all.Take(2).Select(r => r.Uri).Order(StringComparer.Ordinal).ToList());
        (await bed.SourceAsync("bluesky-1")).Cursor.ShouldBe($$"""{"{{Post}}":"{{all[1].Rkey}}"}""");

        bed.Server.RecordsPublished = int.MaxValue;
        bed.Server.Requests.Clear();
        var second = await bed.RunAsync();

        second.Counts.Posts.ShouldBe(all.Count - 2);
        bed.Requests("listRecords")[0].ShouldEndWith($"&cursor={all[1].Rkey}");
        bed.Posts().ShouldBe(all.Select(r => r.Uri).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task A_handle_is_resolved_once_and_its_DID_kept_in_the_cursor()
    {
        await using var bed = await SyncBed.StartAsync();
        var did = bed.Server.BusiestDid();
        await bed.AddAsync("bluesky", "Someone.Example.COM");
        (await bed.SourceAsync("bluesky-1")).Follow.ShouldBe("someone.example.com");

        var first = await bed.RunAsync();
        first.Error.ShouldBeNull();
        first.Counts.Posts.ShouldBe(bed.Server.RecordsOf(did, Post).Count);
        (await bed.SourceAsync("bluesky-1")).Cursor!.ShouldContain($"\"did\":\"{did}\"");

        await bed.RunAsync();
        bed.Requests("resolveHandle").Count.ShouldBe(1);
        bed.Requests("listRecords").ShouldAllBe(r => r.Contains(Uri.EscapeDataString(did), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jetstream_stores_the_stream_and_a_second_run_resumes_from_the_stored_time()
    {
        await using var bed = await SyncBed.StartAsync();
        var collections = "app.bsky.feed.post,app.bsky.feed.like,app.bsky.feed.repost,app.bsky.graph.follow";
        bed.Server.EventsPublished = 60;
        await bed.AddAsync("jetstream", collections, bed.Server.Url.Replace("http://", "ws://", StringComparison.Ordinal));

        var first = await bed.RunAsync();

        first.Error.ShouldBeNull();
        first.Events.ShouldBeGreaterThan(0);
        var cursor = (await bed.SourceAsync("jetstream-1")).Cursor!;
        var time = Times(bed.Server.Events.Take(60), collections).Max();
        cursor.ShouldBe($$"""{"time_us":"{{time}}"}""");

        bed.Server.EventsPublished = int.MaxValue;
        bed.Server.Requests.Clear();
        var second = await bed.RunAsync();

        second.Error.ShouldBeNull();
        bed.Requests("/subscribe").ShouldHaveSingleItem().ShouldEndWith($"cursor={time}");
        second.Counts.Duplicates.ShouldBeGreaterThan(0, "Jetstream's cursor is inclusive: the last stored event comes again and is deduplicated");
        await ShouldMatchOneImportAsync(bed, collections);
    }

    [Fact]
    public async Task Follow_mode_reconnects_after_a_dropped_stream_and_stops_at_max_events()
    {
        await using var bed = await SyncBed.StartAsync();
        var collections = "app.bsky.feed.post,app.bsky.feed.like,app.bsky.feed.repost,app.bsky.graph.follow";
        var total = Times(bed.Server.Events, collections).Count;
        bed.Server.DropStreamAfter = 30;
        await bed.AddAsync("jetstream", collections, bed.Server.Url);

        var report = await bed.RunAsync(limits: new StreamLimits(TimeSpan.FromMinutes(1), total + 1));

        report.Error.ShouldBeNull();
        var subscribes = bed.Requests("/subscribe");
        subscribes.Count.ShouldBeGreaterThanOrEqualTo(2);
        subscribes[^1].ShouldContain("cursor=");
        bed.Progress.ShouldContain(l => l.Contains("reconnecting from", StringComparison.Ordinal));
        await ShouldMatchOneImportAsync(bed, collections);
    }

    /// <summary>The synced store holds the same posts and actions as one import of the same recorded events.</summary>
    private static async Task ShouldMatchOneImportAsync(SyncBed bed, string collections)
    {
        var wanted = collections.Split(',');
        var lines = bed.Server.Events.Where(l => wanted.Any(c => l.Contains($"\"collection\":\"{c}\"", StringComparison.Ordinal))).ToList();
        var file = Path.Combine(Path.GetTempPath(), $"clout-jetstream-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, lines, TestContext.Current.CancellationToken);
        await using var reference = await SyncBed.StartAsync();
        try
        {
            await reference.Store.ImportAsync(
                new Clout.Importers.Bluesky.BlueskyJetstreamImporter().Read(file, new()).Where(i => i.Record is not null).Select(i => i.Record!),
                cancellationToken: TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(file);
        }

        bed.Posts().ShouldBe(reference.Posts());
        bed.Actions().Where(a => !a.StartsWith("unfollow:", StringComparison.Ordinal)).ShouldBe(reference.Actions().Where(a => !a.StartsWith("unfollow:", StringComparison.Ordinal)));
    }

    private static List<long> Times(IEnumerable<string> events, string collections)
    {
        var wanted = collections.Split(',');
        return events
            .Where(l => wanted.Any(c => l.Contains($"\"collection\":\"{c}\"", StringComparison.Ordinal)))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("time_us").GetInt64())
            .ToList();
    }
}
