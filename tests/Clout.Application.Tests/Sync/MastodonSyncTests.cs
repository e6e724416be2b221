using Clout.Application.Sync;

namespace Clout.Application.Tests.Sync;

public sealed class MastodonSyncTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Id(SyncBed bed, int i) => bed.Server.Statuses[i]["id"]!.GetValue<string>();

    private static List<string> Uris(SyncBed bed, int count) =>
        bed.Server.Statuses.Take(count).Select(s => s["uri"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task The_first_sync_stores_every_status_and_the_next_fetches_only_newer_ones()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Server.StatusesPublished = 5;
        var source = await bed.AddAsync("mastodon", "@admin");
        source.Id.ShouldBe("mastodon-1");

        var first = await bed.RunAsync();
        first.Error.ShouldBeNull();
        first.Counts.Posts.ShouldBe(5);
        bed.Posts().ShouldBe(Uris(bed, 5));
        bed.Requests("/statuses?").ShouldBe([
            $"/api/v1/accounts/{ReplayServer.MastodonAccountId}/statuses?min_id=0&limit=3",
            $"/api/v1/accounts/{ReplayServer.MastodonAccountId}/statuses?min_id={Id(bed, 2)}&limit=3",
        ]);
        (await bed.SourceAsync("mastodon-1")).Cursor.ShouldBe($$"""{"account_id":"{{ReplayServer.MastodonAccountId}}","min_id":"{{Id(bed, 4)}}"}""");

        bed.Server.StatusesPublished = int.MaxValue;
        bed.Server.Requests.Clear();
        var second = await bed.RunAsync();
        second.Counts.Posts.ShouldBe(bed.Server.Statuses.Count - 5);
        bed.Requests("/statuses?")[0].ShouldEndWith($"min_id={Id(bed, 4)}&limit=3");
        bed.Requests("/lookup").ShouldBeEmpty();
        bed.Posts().ShouldBe(Uris(bed, bed.Server.Statuses.Count));

        bed.Server.Requests.Clear();
        var third = await bed.RunAsync();
        third.Counts.Posts.ShouldBe(0);
        third.Counts.Accounts.ShouldBe(0);
        bed.Requests("/statuses?").ShouldBe([$"/api/v1/accounts/{ReplayServer.MastodonAccountId}/statuses?min_id={Id(bed, bed.Server.Statuses.Count - 1)}&limit=3"]);
    }

    [Fact]
    public async Task Throttling_server_errors_stalls_and_truncated_bodies_are_retried_without_gaps_or_duplicates()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Options = bed.Options with { MaxRetries = 10 };
        await bed.AddAsync("mastodon", "@admin");
        const string statuses = "/statuses";
        bed.Server.Inject(new Fault(statuses, FaultKind.TooManyRequests, RetryAfter: "1"));
        bed.Server.Inject(new Fault(statuses, FaultKind.ServerError));
        bed.Server.Inject(new Fault(statuses, FaultKind.Unavailable, RetryAfter: DateTimeOffset.UtcNow.AddSeconds(2).ToString("r")));
        bed.Server.Inject(new Fault(statuses, FaultKind.Stall));
        bed.Server.Inject(new Fault(statuses, FaultKind.Truncated));
        bed.Server.Inject(new Fault(statuses, FaultKind.CutJson));
        bed.Server.Inject(new Fault(statuses, FaultKind.TooManyRequests, ResetHeader: DateTimeOffset.UtcNow.AddMinutes(5).ToString("O")));

        var report = await bed.RunAsync();

        report.Error.ShouldBeNull();
        bed.Server.FaultsLeft.ShouldBe(0);
        report.Counts.Posts.ShouldBe(bed.Server.Statuses.Count);
        bed.Posts().ShouldBe(Uris(bed, bed.Server.Statuses.Count));
        report.Requests.ShouldBe(1 + report.Pages + 7, "one lookup, one request per page, and one more per injected fault");
        bed.Progress.ShouldContain(l => l.Contains("HTTP 429", StringComparison.Ordinal));
        bed.Progress.ShouldContain(l => l.Contains("no complete answer within the request timeout", StringComparison.Ordinal));
        bed.Progress.ShouldContain(l => l.Contains("cut off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_used_up_rate_limit_delays_the_next_request_until_its_reset_capped_by_the_maximum_wait()
    {
        await using var bed = await SyncBed.StartAsync();
        await bed.AddAsync("mastodon", "@admin");
        bed.Server.Inject(new Fault("/lookup", FaultKind.LimitUsedUp));

        var report = await bed.RunAsync();

        report.Error.ShouldBeNull();
        report.Counts.Posts.ShouldBe(bed.Server.Statuses.Count);
        bed.Progress.ShouldContain(l => l.StartsWith("mastodon-1: the rate limit is used up; waiting 0.0", StringComparison.Ordinal), "the reset an hour away is capped by the 20 ms maximum wait");
    }

    [Fact]
    public async Task With_no_retries_the_first_failure_ends_the_source()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Options = bed.Options with { MaxRetries = 0 };
        await bed.AddAsync("mastodon", "@admin");
        bed.Server.Inject(new Fault("/lookup", FaultKind.ServerError));

        var report = await bed.RunAsync();

        report.Error!.ShouldEndWith("failed after 1 attempt: HTTP 500 Internal Server Error");
        report.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task Exhausted_retries_name_the_source_the_url_and_the_status()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Options = bed.Options with { MaxRetries = 2 };
        await bed.AddAsync("mastodon", "@admin");
        for (var i = 0; i < 3; i++)
        {
            bed.Server.Inject(new Fault("/statuses", FaultKind.Unavailable));
        }

        var report = await bed.RunAsync();

        report.Error.ShouldBe($"source mastodon-1: GET {bed.Server.Url}/api/v1/accounts/{ReplayServer.MastodonAccountId}/statuses?min_id=0&limit=3 failed after 3 attempts: HTTP 503 Service Unavailable");
        (await bed.SourceAsync("mastodon-1")).LastError.ShouldBe(report.Error);
        bed.Posts().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_status_that_retrying_cannot_fix_fails_at_once()
    {
        await using var bed = await SyncBed.StartAsync();
        await bed.AddAsync("mastodon", "@nobody");

        var report = await bed.RunAsync();

        report.Error!.ShouldContain("source mastodon-1: GET");
        report.Error!.ShouldContain("/api/v1/accounts/lookup?acct=nobody: HTTP 404 Not Found (no such account");
        bed.Requests("/lookup").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_run_that_fails_mid_way_resumes_after_the_last_stored_page_without_gaps_or_duplicates()
    {
        await using var bed = await SyncBed.StartAsync();
        bed.Options = bed.Options with { MaxRetries = 1 };
        await bed.AddAsync("mastodon", "@admin");
        bed.Server.Inject(new Fault($"min_id={Id(bed, 2)}", FaultKind.ServerError));
        bed.Server.Inject(new Fault($"min_id={Id(bed, 2)}", FaultKind.ServerError));

        var failed = await bed.RunAsync();

        failed.Error!.ShouldContain("HTTP 500");
        failed.Counts.Posts.ShouldBe(3);
        bed.Posts().ShouldBe(Uris(bed, 3));
        (await bed.SourceAsync("mastodon-1")).Cursor!.ShouldContain($"\"min_id\":\"{Id(bed, 2)}\"");

        bed.Server.Requests.Clear();
        var resumed = await bed.RunAsync();

        resumed.Error.ShouldBeNull();
        resumed.Counts.Posts.ShouldBe(bed.Server.Statuses.Count - 3);
        bed.Requests("/statuses?")[0].ShouldContain($"min_id={Id(bed, 2)}&");
        bed.Posts().ShouldBe(Uris(bed, bed.Server.Statuses.Count));
        (await bed.SourceAsync("mastodon-1")).LastError.ShouldBeNull();
    }

    [Fact]
    public async Task A_run_killed_after_a_page_keeps_that_page_and_its_cursor_together()
    {
        await using var bed = await SyncBed.StartAsync();
        await bed.AddAsync("mastodon", "@admin");
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var service = new SyncService(bed.Store, bed.Options, TimeProvider.System);

        // Cancelled as soon as the first page is stored: the second page's request never completes.
        await Should.ThrowAsync<OperationCanceledException>(() => service.RunAsync(null, null, line =>
        {
            if (line.Contains("page 1:", StringComparison.Ordinal))
            {
                kill.Cancel();
            }
        }, kill.Token));

        bed.Posts().ShouldBe(Uris(bed, 3));
        (await bed.SourceAsync("mastodon-1")).Cursor!.ShouldContain($"\"min_id\":\"{Id(bed, 2)}\"");

        var resumed = await bed.RunAsync();
        resumed.Counts.Posts.ShouldBe(bed.Server.Statuses.Count - 3);
        bed.Posts().ShouldBe(Uris(bed, bed.Server.Statuses.Count));
    }
}
