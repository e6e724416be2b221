using System.Text.Json;
using Clout.Tests;

namespace Clout.Application.Tests.Sync;

/// <summary><c>clout sync</c> as a user runs it: the real executable against the replay server.</summary>
public sealed class SyncCommandTests
{
    private static Task<(int Exit, string Out, string Error)> CloutAsync(string db, params string[] args) =>
        CloutProcess.RunAsync(null, ["--db", db, .. args]);

    [Fact]
    public async Task Sources_are_added_synced_listed_and_removed_from_the_command_line()
    {
        await using var bed = await SyncBed.StartAsync();
        var db = bed.Path;

        var add = await CloutAsync(db, "sync", "add", "mastodon", "@admin", "--endpoint", bed.Server.Url);
        add.Exit.ShouldBe(0, add.Error);
        add.Out.Trim().ShouldBe($"added mastodon-1: mastodon @admin at {bed.Server.Url}");

        var first = await CloutAsync(db, "sync", "--json", "--page-size", "3", "--retry-delay", "1ms");
        first.Exit.ShouldBe(0, first.Error);
        var report = JsonDocument.Parse(first.Out).RootElement.EnumerateArray().ShouldHaveSingleItem();
        report.GetProperty("source").GetString().ShouldBe("mastodon-1");
        report.GetProperty("posts").GetInt64().ShouldBe(bed.Server.Statuses.Count);
        report.GetProperty("pages").GetInt32().ShouldBe(3);
        first.Error.ShouldContain("mastodon-1: page 1:");

        var second = await CloutAsync(db, "sync", "--json");
        second.Exit.ShouldBe(0, second.Error);
        JsonDocument.Parse(second.Out).RootElement[0].GetProperty("posts").GetInt64().ShouldBe(0);

        var list = await CloutAsync(db, "sync", "list", "--json");
        list.Exit.ShouldBe(0, list.Error);
        var listed = JsonDocument.Parse(list.Out).RootElement[0];
        listed.GetProperty("cursor").GetString()!.ShouldContain(bed.Server.Statuses[^1]["id"]!.GetValue<string>());
        listed.GetProperty("last_count").GetInt64().ShouldBe(0);

        (await CloutAsync(db, "sync", "remove", "mastodon-1")).Out.Trim().ShouldBe("removed mastodon-1");
        var again = await CloutAsync(db, "sync", "remove", "mastodon-1");
        again.Exit.ShouldBe(1);
        again.Error.ShouldContain("error: no sync source 'mastodon-1'");
    }

    [Fact]
    public async Task A_failing_source_exits_with_1_and_names_the_url_and_status()
    {
        await using var bed = await SyncBed.StartAsync();
        for (var i = 0; i < 2; i++)
        {
            bed.Server.Inject(new Fault("/lookup", FaultKind.ServerError));
        }

        (await CloutAsync(bed.Path, "sync", "add", "mastodon", "@admin", "--endpoint", bed.Server.Url)).Exit.ShouldBe(0);
        var run = await CloutAsync(bed.Path, "sync", "--retries", "1", "--retry-delay", "1ms");

        run.Exit.ShouldBe(1);
        run.Out.ShouldContain($"failed: source mastodon-1: GET {bed.Server.Url}/api/v1/accounts/lookup?acct=admin failed after 2 attempts: HTTP 500 Internal Server Error");
    }

    [Theory]
    [InlineData("sync add myspace someone", "error: 'myspace' is not a sync connector; expected one of")]
    [InlineData("sync add feed not-a-url", "error: feed: 'not-a-url' is not an http(s) URL")]
    [InlineData("sync --duration 5s", "error: --duration and --max-events apply to --follow")]
    [InlineData("sync --follow --duration soon", "--duration 'soon' is not a duration; expected a number with ms, s, m or h")]
    [InlineData("sync --follow --max-events 0", "--max-events 0 is out of range; expected at least 1")]
    [InlineData("sync --retries 500", "--retries 500 is out of range; expected 0 to 100")]
    [InlineData("sync --follow", "error: --follow needs a stream source (jetstream or mastodon-stream); none is selected")]
    public async Task Bad_command_lines_exit_2_with_what_was_expected(string args, string message)
    {
        var db = Path.Combine(Path.GetTempPath(), $"clout-sync-cli-{Guid.NewGuid():N}.db");
        try
        {
            var run = await CloutAsync(db, args.Split(' '));
            run.Exit.ShouldBe(2, run.Out + run.Error);
            run.Error.ShouldContain(message);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(db + suffix);
            }
        }
    }
}
