namespace Clout.Application.Tests.Sync;

public sealed class RedditSyncTests
{
    [Fact]
    public async Task The_first_run_stores_the_newest_page_and_later_runs_walk_forward_with_before()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Options = bed.Options with { PageSize = 25 };
        var posts = bed.Server.RedditThings("new");
        bed.Server.RedditPublished = 60;
        var source = await bed.AddAsync("reddit", "R/AskReddit");
        source.Follow.ShouldBe("r/askreddit");

        var first = await bed.RunAsync();

        first.Error.ShouldBeNull();
        var newestPost = Name(posts[posts.Count - 60]);
        var cursor = (await bed.SourceAsync("reddit-1")).Cursor!;
        cursor.ShouldContain($"\"new\":\"{newestPost}\"");
        bed.Requests("/new.json").ShouldBe(["/r/askreddit/new.json?limit=25&raw_json=1"]);

        // 40 more of each listing published: a full page and a short one, walking forward.
        bed.Server.RedditPublished = 100;
        bed.Server.Requests.Clear();
        var second = await bed.RunAsync();

        second.Error.ShouldBeNull();
        var newRequests = bed.Requests("/new.json");
        newRequests[0].ShouldEndWith($"&before={newestPost}");
        newRequests.Count.ShouldBe(2);
        newRequests[1].ShouldEndWith($"&before={Name(posts[posts.Count - 100 + 15])}");
        (await bed.SourceAsync("reddit-1")).Cursor!.ShouldContain($"\"new\":\"{Name(posts[posts.Count - 100])}\"");

        // Everything from the first page on is stored once: the first page's 25 and the 40 newer.
        var stored = bed.Column("SELECT source_id FROM posts WHERE source_id LIKE 't3_%'");
        stored.Count.ShouldBe(stored.Distinct().Count());
        stored.ShouldBe(posts.Skip(posts.Count - 100).Take(40 + 25).Select(Name).Order(StringComparer.Ordinal).ToList(), ignoreOrder: true);
    }

    private static string Name(System.Text.Json.Nodes.JsonObject thing) => thing["data"]!["name"]!.GetValue<string>();
}
