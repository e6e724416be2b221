namespace Clout.Application.Tests.Sync;

public sealed class YouTubeSyncTests
{
    private const string Channel = "UC_x5XG1OV2P6uZZ5FSM9Ttw";

    private static string Published(System.Text.Json.Nodes.JsonObject thread) =>
        thread["snippet"]!["topLevelComment"]!["snippet"]!["publishedAt"]!.GetValue<string>();

    [Fact]
    public async Task Comment_threads_are_walked_back_to_the_newest_stored_one_and_the_key_never_shows()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Options = bed.Options with { PageSize = 1, Secret = name => name == "CLOUT_YOUTUBE_KEY" ? "secret-key" : null };
        var threads = bed.Server.Threads;
        threads.Count.ShouldBe(2);
        bed.Server.ThreadsPublished = 1;
        await bed.AddAsync("youtube", Channel, bed.Server.Url + "/youtube/v3");
        (await bed.SourceAsync("youtube-1")).Follow.ShouldBe("channel:" + Channel);

        var first = await bed.RunAsync();

        first.Error.ShouldBeNull();
        first.Counts.Actions.ShouldBeGreaterThan(0);
        var cursor = (await bed.SourceAsync("youtube-1")).Cursor!;
        cursor.ShouldBe($$"""{"newest":"{{Published(threads[1])}}"}""");
        var actionsAfterFirst = bed.Actions();

        // The newer thread appears: page 1 holds it, page 2 reaches the stored one and the walk stops there.
        bed.Server.ThreadsPublished = int.MaxValue;
        bed.Server.Requests.Clear();
        var second = await bed.RunAsync();

        second.Error.ShouldBeNull();
        second.Events.ShouldBe(1);
        var walked = bed.Requests("/commentThreads");
        walked.Count.ShouldBe(2);
        walked[1].ShouldContain("&pageToken=p1");
        (await bed.SourceAsync("youtube-1")).Cursor.ShouldBe($$"""{"newest":"{{Published(threads[0])}}"}""");
        bed.Actions().Count.ShouldBeGreaterThan(actionsAfterFirst.Count);
        bed.Requests("/videos?").ShouldAllBe(r => r.Contains("id=D-lhorsDlUQ", StringComparison.Ordinal));
        bed.Progress.ShouldNotContain(l => l.Contains("secret-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_key_the_source_fails_naming_the_variable()
    {
        await using var bed = await SyncBed.StartAsync();
        await bed.AddAsync("youtube", "video:D-lhorsDlUQ", bed.Server.Url + "/youtube/v3");

        var report = await bed.RunAsync();

        report.Error.ShouldBe("source youtube-1: the YouTube Data API needs an API key in CLOUT_YOUTUBE_KEY");
    }

    [Fact]
    public async Task Failed_requests_never_show_the_key()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Options = bed.Options with { MaxRetries = 0, Secret = name => name == "CLOUT_YOUTUBE_KEY" ? "secret-key" : null };
        bed.Server.Inject(new Fault("/videos", FaultKind.Unavailable));
        await bed.AddAsync("youtube", "video:D-lhorsDlUQ", bed.Server.Url + "/youtube/v3");

        var report = await bed.RunAsync();

        report.Error!.ShouldContain("&key=***");
        report.Error!.ShouldNotContain("secret-key");
    }
}
