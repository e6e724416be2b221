using System.Net;
using System.Text.Json;
using Clout.Api.Tests.Infrastructure;
using Clout.Application.Scoring;
using Clout.Core.Domain;

namespace Clout.Api.Tests;

public sealed class PeopleApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Client => api.Client;

    private async Task<string> TopPersonAsync()
    {
        var board = await Json.GetOkAsync(Client, "/api/v1/leaderboard?limit=1");
        return board.GetProperty("items")[0].GetProperty("person").GetString()!;
    }

    [Fact]
    public async Task A_profile_shows_the_stored_snapshot_of_the_latest_day()
    {
        var person = await TopPersonAsync();
        var body = await Json.GetOkAsync(Client, $"/api/v1/people/{person}");
        var stored = await api.Store.WithStoreAsync(async s => (await s.GetSnapshotAsync(person, null, await Versions.PublishedAsync(s)))!);

        body.GetProperty("person").GetProperty("id").GetString().ShouldBe(person);
        body.GetProperty("person").GetProperty("kloutId").GetString().ShouldBe(KloutId.Of(person).ToString(System.Globalization.CultureInfo.InvariantCulture));
        body.GetProperty("person").GetProperty("accounts").GetArrayLength().ShouldBeGreaterThan(0);
        var score = body.GetProperty("score");
        score.GetProperty("day").GetString().ShouldBe("2026-11-01");
        score.GetProperty("score").GetDouble().ShouldBe(stored.Score);
        score.GetProperty("bucket").GetString().ShouldBe(stored.Bucket);
        score.GetProperty("dayChange").GetDouble().ShouldBe(stored.DayChange!.Value);
        score.GetProperty("networks").GetArrayLength().ShouldBe(stored.Networks.Count);
        var parts = score.GetProperty("reach").GetDouble() + score.GetProperty("amplification").GetDouble() + score.GetProperty("networkImpact").GetDouble() + score.GetProperty("audience").GetDouble() + 1;
        parts.ShouldBe(stored.Score, 1e-6);
    }

    [Fact]
    public async Task A_person_is_found_by_handle_and_by_network_account()
    {
        var person = await TopPersonAsync();
        var profile = await Json.GetOkAsync(Client, $"/api/v1/people/{person}");
        var account = profile.GetProperty("person").GetProperty("accounts")[0];
        var byHandle = await Json.GetOkAsync(Client, $"/api/v1/people/{account.GetProperty("handle").GetString()}");
        byHandle.GetProperty("person").GetProperty("id").GetString().ShouldBe(person);
        var byAccount = await Json.GetOkAsync(Client, $"/api/v1/people/{account.GetProperty("network").GetString()}:{Uri.EscapeDataString(account.GetProperty("id").GetString()!)}");
        byAccount.GetProperty("person").GetProperty("id").GetString().ShouldBe(person);
        var accounts = await Json.GetOkAsync(Client, $"/api/v1/people/{person}/accounts");
        accounts.GetArrayLength().ShouldBe(profile.GetProperty("person").GetProperty("accounts").GetArrayLength());
    }

    [Fact]
    public async Task A_person_whose_id_holds_slashes_is_found_when_they_are_escaped()
    {
        // A blog is known by its URL, so a person with only a blog has an id like blog:https://host/.
        var board = await Json.GetOkAsync(Client, "/api/v1/leaderboard/blog?limit=200");
        var person = board.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("person").GetString()!).First(p => p.Contains('/', StringComparison.Ordinal));
        var escaped = Uri.EscapeDataString(person);
        (await Json.GetOkAsync(Client, $"/api/v1/people/{escaped}")).GetProperty("person").GetProperty("id").GetString().ShouldBe(person);
        (await Json.GetOkAsync(Client, $"/api/v1/people/{escaped}/score")).GetProperty("score").GetDouble().ShouldBeGreaterThanOrEqualTo(1);
        (await Json.GetOkAsync(Client, $"/api/v1/people/{escaped}/history")).GetProperty("points").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Search_finds_people_by_the_beginning_of_a_handle_or_name()
    {
        var person = await TopPersonAsync();
        var profile = await Json.GetOkAsync(Client, $"/api/v1/people/{person}");
        var name = profile.GetProperty("person").GetProperty("name").GetString()!;
        var found = await Json.GetOkAsync(Client, $"/api/v1/search?q={Uri.EscapeDataString(name[..4])}");
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("person").GetProperty("id").GetString()).ShouldContain(person);
        var handle = profile.GetProperty("person").GetProperty("nick").GetString()!;
        var exact = await Json.GetOkAsync(Client, $"/api/v1/search?q={handle}");
        exact.GetProperty("items")[0].GetProperty("person").GetProperty("id").GetString().ShouldBe(person);
    }

    [Fact]
    public async Task History_lists_the_scored_days_of_the_range_in_order()
    {
        var person = await TopPersonAsync();
        var all = await Json.GetOkAsync(Client, $"/api/v1/people/{person}/history");
        all.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("day").GetString()).ShouldBe(["2026-10-30", "2026-10-31", "2026-11-01"]);
        var part = await Json.GetOkAsync(Client, $"/api/v1/people/{person}/history?from=2026-10-31&to=2026-10-31");
        part.GetProperty("points").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_explanation_adds_up_to_the_score()
    {
        var person = await TopPersonAsync();
        var body = await Json.GetOkAsync(Client, $"/api/v1/people/{person}/explanation");
        var sum = body.GetProperty("contributions").EnumerateArray().Sum(c => c.GetProperty("points").GetDouble());
        sum.ShouldBe(body.GetProperty("score").GetDouble(), 1e-6);
        body.GetProperty("contributions")[0].GetProperty("label").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task What_changed_adds_up_to_the_delta_between_two_days()
    {
        var person = await TopPersonAsync();
        var body = await Json.GetOkAsync(Client, $"/api/v1/people/{person}/changes?from=2026-10-30&to=2026-11-01");
        body.GetProperty("from").GetString().ShouldBe("2026-10-30");
        var delta = body.GetProperty("scoreTo").GetDouble() - body.GetProperty("scoreFrom").GetDouble();
        body.GetProperty("delta").GetDouble().ShouldBe(delta, 1e-9);
        body.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("points").GetDouble()).ShouldBe(delta, 1e-6);

        var byDefault = await Json.GetOkAsync(Client, $"/api/v1/people/{person}/changes");
        byDefault.GetProperty("from").GetString().ShouldBe("2026-10-30");
        byDefault.GetProperty("to").GetString().ShouldBe("2026-11-01");
    }

    [Fact]
    public async Task Moments_influencers_and_influencees_are_listed_with_pages()
    {
        var person = await TopPersonAsync();
        var moments = await Json.GetOkAsync(Client, $"/api/v1/people/{person}/moments");
        moments.GetArrayLength().ShouldBeGreaterThan(0);
        moments[0].GetProperty("reactions").EnumerateObject().ShouldNotBeEmpty();

        var first = await Json.GetOkAsync(Client, $"/api/v1/people/{person}/influencers?limit=2");
        first.GetProperty("items").GetArrayLength().ShouldBeLessThanOrEqualTo(2);
        var total = first.GetProperty("total").GetInt32();
        if (total > 2)
        {
            var next = first.GetProperty("next").GetString()!;
            next.ShouldContain("offset=2");
            var second = await Json.GetOkAsync(Client, next);
            second.GetProperty("offset").GetInt32().ShouldBe(2);
        }

        var influencees = await Json.GetOkAsync(Client, $"/api/v1/people/{person}/influencees");
        influencees.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Snapshot_answers_carry_an_etag_and_revalidate_with_304()
    {
        var person = await TopPersonAsync();
        using var first = await Client.GetAsync(new Uri($"/api/v1/people/{person}/score", UriKind.Relative), TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag;
        etag.ShouldNotBeNull();
        first.Headers.CacheControl!.MaxAge.ShouldNotBeNull();
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/people/{person}/score", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await Client.SendAsync(again, TestContext.Current.CancellationToken);
        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task An_unknown_person_is_a_404_problem()
    {
        using var response = await Client.GetAsync(new Uri("/api/v1/people/nobody-at-all", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await Json.ReadAsync(response);
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        problem.GetProperty("detail").GetString()!.ShouldContain("nobody-at-all");
        problem.GetProperty("detail").GetString()!.ShouldNotContain("sqlite");
    }

    [Fact]
    public async Task A_bad_date_is_a_400_problem_naming_the_parameter()
    {
        var person = await TopPersonAsync();
        using var response = await Client.GetAsync(new Uri($"/api/v1/people/{person}/history?from=yesterday", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Json.ReadAsync(response);
        problem.GetProperty("detail").GetString()!.ShouldContain("'from'");
        problem.GetProperty("detail").GetString()!.ShouldContain("YYYY-MM-DD");
    }

    [Fact]
    public async Task A_day_without_a_score_is_a_404_problem()
    {
        var person = await TopPersonAsync();
        using var response = await Client.GetAsync(new Uri($"/api/v1/people/{person}/score?date=2020-01-01", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json.ReadAsync(response)).ValueKind.ShouldBe(JsonValueKind.Object);
    }
}
