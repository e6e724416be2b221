using Clout.Application.Sync;

namespace Clout.Application.Tests.Sync;

public sealed class MastodonStreamSyncTests
{
    private static List<string> Uris(SyncBed bed, int count) =>
        bed.Server.Statuses.Take(count).Select(s => s["uri"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Follow_mode_catches_up_through_the_timeline_then_stores_the_streamed_statuses()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Server.StatusesPublished = 5;
        await bed.AddAsync("mastodon-stream", "public");
        var streamed = bed.Server.Statuses.Count - 5;

        var report = await bed.RunAsync(limits: new StreamLimits(TimeSpan.FromMinutes(1), streamed));

        report.Error.ShouldBeNull();
        report.Events.ShouldBe(streamed);
        bed.Requests("/api/v1/timelines/public?min_id=0&limit=3").Count.ShouldBe(1);
        bed.Requests("/api/v1/streaming/public").Count.ShouldBe(1);
        bed.Posts().ShouldBe(Uris(bed, bed.Server.Statuses.Count));
        var newest = bed.Server.Statuses[^1]["id"]!.GetValue<string>();
        (await bed.SourceAsync("mastodon-stream-1")).Cursor.ShouldBe($$"""{"min_id":"{{newest}}"}""");
    }

    [Fact]
    public async Task A_one_shot_run_catches_up_from_the_stored_id_without_opening_the_stream()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Server.StatusesPublished = 4;
        await bed.AddAsync("mastodon-stream", "public");
        (await bed.RunAsync()).Counts.Posts.ShouldBe(4);

        bed.Server.StatusesPublished = int.MaxValue;
        bed.Server.Requests.Clear();
        var second = await bed.RunAsync();

        second.Counts.Posts.ShouldBe(bed.Server.Statuses.Count - 4);
        bed.Requests("/timelines/public")[0].ShouldContain($"min_id={bed.Server.Statuses[3]["id"]!.GetValue<string>()}&");
        bed.Requests("/streaming/").ShouldBeEmpty();
        bed.Posts().ShouldBe(Uris(bed, bed.Server.Statuses.Count));
    }
}
