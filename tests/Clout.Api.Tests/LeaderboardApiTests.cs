using System.Net;
using Clout.Api.Tests.Infrastructure;

namespace Clout.Api.Tests;

public sealed class LeaderboardApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task The_leaderboard_ranks_by_score_and_pages_on()
    {
        var first = await Json.GetOkAsync(Client, "/api/v1/leaderboard?limit=10");
        var scores = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("score").GetDouble()).ToList();
        scores.Count.ShouldBe(10);
        scores.ShouldBe(scores.OrderByDescending(s => s).ToList());
        first.GetProperty("items")[0].GetProperty("rank").GetInt32().ShouldBe(1);

        var second = await Json.GetOkAsync(Client, first.GetProperty("next").GetString()!);
        second.GetProperty("items")[0].GetProperty("rank").GetInt32().ShouldBe(11);
        second.GetProperty("items")[0].GetProperty("score").GetDouble().ShouldBeLessThanOrEqualTo(scores[^1]);
    }

    [Fact]
    public async Task A_network_leaderboard_holds_only_people_on_that_network()
    {
        var board = await Json.GetOkAsync(Client, "/api/v1/leaderboard/mastodon?limit=5");
        board.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var row in board.GetProperty("items").EnumerateArray())
        {
            var person = await Json.GetOkAsync(Client, $"/api/v1/people/{row.GetProperty("person").GetString()}/accounts");
            person.EnumerateArray().Select(a => a.GetProperty("network").GetString()).ShouldContain("mastodon");
        }

        var same = await Json.GetOkAsync(Client, "/api/v1/leaderboard?network=mastodon&limit=5");
        same.GetProperty("items")[0].GetProperty("person").GetString().ShouldBe(board.GetProperty("items")[0].GetProperty("person").GetString());
    }

    [Fact]
    public async Task An_unknown_network_or_limit_out_of_range_is_a_400_problem()
    {
        using var network = await Client.GetAsync(new Uri("/api/v1/leaderboard?network=myspace", UriKind.Relative), TestContext.Current.CancellationToken);
        network.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json.ReadAsync(network)).GetProperty("detail").GetString()!.ShouldContain("myspace");
        using var limit = await Client.GetAsync(new Uri("/api/v1/leaderboard?limit=5000", UriKind.Relative), TestContext.Current.CancellationToken);
        limit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json.ReadAsync(limit)).GetProperty("detail").GetString()!.ShouldContain("'limit'");
    }

    [Fact]
    public async Task Status_names_the_published_version_and_day()
    {
        var status = await Json.GetOkAsync(Client, "/api/v1/status");
        status.GetProperty("version").GetString().ShouldBe(Clout.Engine.Model.Algorithms.Default.Version);
        status.GetProperty("day").GetString().ShouldBe("2026-11-01");
    }
}
