using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Clout.Api.Tests.Infrastructure;

namespace Clout.Api.Tests;

/// <summary>The taxonomy, topic leaderboards and a person's topics (issue 7, part 5).</summary>
public sealed class TopicsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Client => api.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A topic that people have, taken from the top person's topics.</summary>
    private async Task<(string Person, JsonElement Topic)> TopicOfTopPersonAsync()
    {
        var board = await Json.GetOkAsync(Client, "/api/v1/leaderboard?limit=20");
        foreach (var row in board.GetProperty("items").EnumerateArray())
        {
            var person = row.GetProperty("person").GetString()!;
            var topics = await Json.GetOkAsync(Client, $"/api/v1/people/{Uri.EscapeDataString(person)}/topics");
            if (topics.GetArrayLength() > 0)
            {
                return (person, topics[0]);
            }
        }

        throw new InvalidOperationException("none of the top 20 people has a topic");
    }

    [Fact]
    public async Task The_taxonomy_lists_every_topic_with_id_slug_name_and_parent()
    {
        using var response = await Client.GetAsync(new Uri("/api/v1/topics", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.Public.ShouldBeTrue();
        var topics = await Json.ReadAsync(response);

        topics.GetArrayLength().ShouldBe(Clout.Engine.Topics.TopicTaxonomy.Default.Count);
        var slugs = topics.EnumerateArray().Select(t => t.GetProperty("slug").GetString()).ToHashSet();
        foreach (var t in topics.EnumerateArray())
        {
            long.Parse(t.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
            t.GetProperty("name").GetString().ShouldNotBeNullOrEmpty();
            if (t.GetProperty("parent").ValueKind == JsonValueKind.String)
            {
                slugs.ShouldContain(t.GetProperty("parent").GetString());
            }
        }

        var rust = topics.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "rust");
        rust.GetProperty("parent").GetString().ShouldNotBeNull();
    }

    [Fact]
    public async Task A_topic_leaderboard_ranks_people_by_topic_score_and_matches_their_profiles()
    {
        var (person, topic) = await TopicOfTopPersonAsync();
        var slug = topic.GetProperty("slug").GetString()!;

        var board = await Json.GetOkAsync(Client, $"/api/v1/topics/{slug}/leaderboard?limit=200");

        board.GetProperty("topic").GetProperty("slug").GetString().ShouldBe(slug);
        board.GetProperty("day").GetString().ShouldBe("2026-11-01");
        var items = board.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("rank").GetInt32()).ShouldBe(Enumerable.Range(1, items.Count));
        var topicScores = items.Select(i => i.GetProperty("topicScore").GetDouble()).ToList();
        topicScores.ShouldBe(topicScores.OrderByDescending(s => s).ToList());
        var row = items.Single(i => i.GetProperty("person").GetString() == person);
        row.GetProperty("topicScore").GetDouble().ShouldBe(topic.GetProperty("score").GetDouble(), 1e-9);
        var score = await Json.GetOkAsync(Client, $"/api/v1/people/{Uri.EscapeDataString(person)}/score");
        row.GetProperty("score").GetDouble().ShouldBe(score.GetProperty("score").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task A_topic_leaderboard_pages_on_and_filters_by_network_and_minimum_score()
    {
        var (_, topic) = await TopicOfTopPersonAsync();
        var slug = topic.GetProperty("slug").GetString()!;
        var all = (await Json.GetOkAsync(Client, $"/api/v1/topics/{slug}/leaderboard?limit=200")).GetProperty("items").EnumerateArray().ToList();
        all.Count.ShouldBeGreaterThan(2);

        var first = await Json.GetOkAsync(Client, $"/api/v1/topics/{slug}/leaderboard?limit=2");
        var second = await Json.GetOkAsync(Client, first.GetProperty("next").GetString()!);
        second.GetProperty("offset").GetInt32().ShouldBe(2);
        second.GetProperty("items")[0].GetProperty("person").GetString().ShouldBe(all[2].GetProperty("person").GetString());
        second.GetProperty("items")[0].GetProperty("rank").GetInt32().ShouldBe(3);

        var floor = all[all.Count / 2].GetProperty("topicScore").GetDouble();
        var high = await Json.GetOkAsync(Client, $"/api/v1/topics/{slug}/leaderboard?limit=200&minScore={floor.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        high.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("topicScore").GetDouble() >= floor);
        high.GetProperty("items").GetArrayLength().ShouldBe(all.Count(i => i.GetProperty("topicScore").GetDouble() >= floor));

        var mastodon = await Json.GetOkAsync(Client, $"/api/v1/topics/{slug}/leaderboard?limit=200&network=mastodon");
        foreach (var row in mastodon.GetProperty("items").EnumerateArray())
        {
            var accounts = await Json.GetOkAsync(Client, $"/api/v1/people/{Uri.EscapeDataString(row.GetProperty("person").GetString()!)}/accounts");
            accounts.EnumerateArray().Select(a => a.GetProperty("network").GetString()).ShouldContain("mastodon");
        }
    }

    [Fact]
    public async Task A_topic_leaderboard_answers_304_to_the_etag_of_the_published_run()
    {
        var (_, topic) = await TopicOfTopPersonAsync();
        var url = new Uri($"/api/v1/topics/{topic.GetProperty("slug").GetString()}/leaderboard", UriKind.Relative);
        using var first = await Client.GetAsync(url, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.CacheControl!.MaxAge.ShouldNotBeNull();
        var etag = first.Headers.ETag.ShouldNotBeNull();

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var second = await Client.SendAsync(again, Ct);
        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("/api/v1/topics/rusty-nails/leaderboard", 404, "no topic 'rusty-nails'")]
    [InlineData("/api/v1/topics/rus/leaderboard", 404, "such as rust")]
    [InlineData("/api/v1/topics/rust/leaderboard?network=myspace", 400, "'network' is 'myspace'")]
    [InlineData("/api/v1/topics/rust/leaderboard?minScore=101", 400, "'minScore' is '101'; expected a number from 0 to 100")]
    [InlineData("/api/v1/topics/rust/leaderboard?minScore=lots", 400, "'minScore' is 'lots'")]
    [InlineData("/api/v1/topics/rust/leaderboard?limit=0", 400, "'limit'")]
    [InlineData("/api/v1/topics/rust/leaderboard?offset=-1", 400, "'offset'")]
    [InlineData("/api/v1/topics/rust/leaderboard?offset=9990&limit=20", 400, "offset + limit up to 10,000")]
    [InlineData("/api/v1/topics/rust/leaderboard?date=yesterday", 400, "'date' is 'yesterday'")]
    [InlineData("/api/v1/people/nobody-at-all/topics", 404, "no person 'nobody-at-all'")]
    public async Task Bad_parameters_and_unknown_topics_are_problems_naming_what_was_expected(string url, int status, string detail)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative), Ct);

        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Json.ReadAsync(response)).GetProperty("detail").GetString()!.ShouldContain(detail);
    }
}
