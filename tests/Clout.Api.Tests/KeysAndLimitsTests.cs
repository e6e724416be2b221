using System.Net;
using Clout.Api.Tests.Infrastructure;

namespace Clout.Api.Tests;

public sealed class KeysAndLimitsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task The_read_api_opens_without_a_key_on_a_local_install_and_not_when_keys_are_required()
    {
        (await api.Client.GetAsync(Url("/api/v1/leaderboard?limit=1"), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var strict = api.ClientWith(("Clout:RequireKeysForRead", "true"));
        using var refused = await strict.GetAsync(Url("/api/v1/leaderboard?limit=1"), TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var withKey = new HttpRequestMessage(HttpMethod.Get, Url("/api/v1/leaderboard?limit=1"));
        withKey.Headers.Add("X-Api-Key", api.Store.Key);
        (await strict.SendAsync(withKey, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Write_endpoints_refuse_requests_without_a_valid_key()
    {
        var board = await Json.GetOkAsync(api.Client, "/api/v1/leaderboard?limit=1");
        var person = board.GetProperty("items")[0].GetProperty("person").GetString()!;
        var accounts = await Json.GetOkAsync(api.Client, $"/api/v1/people/{person}/accounts");
        var account = accounts[0];
        var path = $"/api/v1/people/{person}/accounts/{account.GetProperty("network").GetString()}/{Uri.EscapeDataString(account.GetProperty("id").GetString()!)}";

        (await api.Client.PutAsync(Url(path), null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.Client.PutAsync(Url(path + "?key=ck_00000000_notakey"), null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.Client.PutAsync(Url(path + "?key=" + api.Store.RevokedKey), null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var linked = new HttpRequestMessage(HttpMethod.Put, Url(path));
        linked.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", api.Store.Key);
        (await api.Client.SendAsync(linked, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_key_over_its_per_second_limit_gets_429_with_retry_after_then_recovers()
    {
        var key = api.Store.LimitedKey;
        var client = api.ClientWith(("Clout:PerSecond", "1000"));
        for (var i = 0; i < 2; i++)
        {
            (await client.GetAsync(Url($"/api/v1/keys/current?key={key}"), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await client.GetAsync(Url($"/api/v1/keys/current?key={key}"), TestContext.Current.CancellationToken);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        (await Json.ReadAsync(limited)).GetProperty("detail").GetString()!.ShouldContain("per second");

        api.Time.Advance(TimeSpan.FromSeconds(1));
        var current = await Json.GetOkAsync(client, $"/api/v1/keys/current?key={key}");
        current.GetProperty("perSecond").GetInt32().ShouldBe(2);
        current.GetProperty("perDay").GetInt32().ShouldBe(5);
        current.GetProperty("usedToday").GetInt64().ShouldBe(3);
    }

    [Fact]
    public async Task A_key_over_its_daily_limit_is_refused_until_midnight_and_klout_paths_answer_403()
    {
        var key = api.Store.LimitedKey;
        var client = api.ClientWith(("Clout:PerDay", "100000"));
        var used = 0;
        while (used < 5)
        {
            api.Time.Advance(TimeSpan.FromSeconds(1));
            (await client.GetAsync(Url($"/api/v1/keys/current?key={key}"), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
            used++;
        }

        api.Time.Advance(TimeSpan.FromSeconds(1));
        using var limited = await client.GetAsync(Url($"/api/v1/keys/current?key={key}"), TestContext.Current.CancellationToken);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(60);

        using var klout = await client.GetAsync(Url($"/v2/user.json/1?key={key}"), TestContext.Current.CancellationToken);
        klout.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = await Json.ReadAsync(klout);
        body.GetProperty("error").GetInt32().ShouldBe(403);
        body.GetProperty("description").GetString().ShouldBe("Account Over Rate Limit");
        klout.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_current_key_endpoint_needs_a_key()
    {
        var client = api.ClientWith(("Clout:PerSecond", "7"));
        (await client.GetAsync(Url("/api/v1/keys/current"), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var current = await Json.GetOkAsync(client, $"/api/v1/keys/current?key={api.Store.Key}");
        current.GetProperty("name").GetString().ShouldBe("tests");
        current.GetProperty("perSecond").GetInt32().ShouldBe(7);
        current.GetProperty("perDay").GetInt32().ShouldBe(20_000);
    }
}
