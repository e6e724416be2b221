using System.Net;
using Clout.Api.Tests.Infrastructure;
using Clout.Application.Scoring;
using Clout.Engine.Model;

namespace Clout.Api.Tests;

/// <summary>
/// A daily run writes with SQLite's rollback journal only when nothing else has the store open; a running server
/// holds it open (StoreWarmup), so the run keeps the write-ahead log and requests are never blocked by it.
/// </summary>
public sealed class DailyRunBesideTheServerTests
{
    [Fact]
    public async Task A_daily_run_beside_a_running_server_keeps_the_write_ahead_log_even_when_the_servers_pool_is_idle()
    {
        var store = new ScoredStore();
        await store.InitializeAsync();
        try
        {
            await using var factory = new ApiFactory(store.Uri, new ManualTime(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero)));
            using var client = factory.CreateClient();
            await Json.GetOkAsync(client, "/api/v1/leaderboard?limit=3");

            // After a quiet spell the server has no pooled connection open; only its hold keeps the file open.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var report = await store.WithStoreAsync(s => new ScoringService(s, TimeProvider.System).ScoreDayAsync(ScoredStore.LastDay, Algorithms.Default, shadow: false));

            var path = store.Uri["sqlite:".Length..];
            new FileInfo(path + "-wal").Length.ShouldBeGreaterThan(256 * 1024);
            File.Exists(path + "-journal").ShouldBeFalse();
            var board = await Json.GetOkAsync(client, "/api/v1/leaderboard?limit=3");
            board.ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Undefined);
            report.People.ShouldBeGreaterThan(0);
            (await client.GetAsync("/api/v1/leaderboard?limit=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await store.DisposeAsync();
        }
    }
}
