using System.Net;
using System.Text.Json;
using Clout.Api.Tests.Infrastructure;

namespace Clout.Api.Tests;

public sealed class KloutV2ApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Client => api.Client;

    private string Key => api.Store.Key;

    /// <summary>The top person who has an X account: their person id, X handle and X id.</summary>
    private async Task<(string Person, string Handle, string XId)> TopXPersonAsync()
    {
        var board = await Json.GetOkAsync(Client, "/api/v1/leaderboard/x?limit=1");
        var person = board.GetProperty("items")[0].GetProperty("person").GetString()!;
        var accounts = await Json.GetOkAsync(Client, $"/api/v1/people/{person}/accounts");
        var x = accounts.EnumerateArray().First(a => a.GetProperty("network").GetString() == "x");
        return (person, x.GetProperty("handle").GetString()!, x.GetProperty("id").GetString()!);
    }

    private async Task<string> KloutIdAsync(string screenName)
    {
        var identity = await Json.GetOkAsync(Client, $"/v2/identity.json/twitter?screenName={screenName}&key={Key}");
        identity.GetProperty("network").GetString().ShouldBe("ks");
        return identity.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Identity_lookups_go_from_screen_name_and_network_ids_to_the_klout_id_and_back()
    {
        var (person, handle, xId) = await TopXPersonAsync();
        var kloutId = await KloutIdAsync(handle);
        long.TryParse(kloutId, out _).ShouldBeTrue();
        var profile = await Json.GetOkAsync(Client, $"/api/v1/people/{person}");
        profile.GetProperty("person").GetProperty("kloutId").GetString().ShouldBe(kloutId);

        (await Json.GetOkAsync(Client, $"/v2/identity.json/tw/{xId}?key={Key}")).GetProperty("id").GetString().ShouldBe(kloutId);
        var back = await Json.GetOkAsync(Client, $"/v2/identity.json/klout/{kloutId}/tw?key={Key}");
        back.GetProperty("id").GetString().ShouldBe(xId);
        back.GetProperty("network").GetString().ShouldBe("tw");

        var other = profile.GetProperty("person").GetProperty("accounts").EnumerateArray().FirstOrDefault(a => a.GetProperty("network").GetString() != "x");
        if (other.ValueKind == JsonValueKind.Object)
        {
            var id = Uri.EscapeDataString(other.GetProperty("id").GetString()!);
            (await Json.GetOkAsync(Client, $"/v2/identity.json/{other.GetProperty("network").GetString()}/{id}?key={Key}")).GetProperty("id").GetString().ShouldBe(kloutId);
        }
    }

    [Fact]
    public async Task A_blog_is_found_by_its_url_with_the_slashes_escaped()
    {
        var board = await Json.GetOkAsync(Client, "/api/v1/leaderboard/blog?limit=1");
        var person = board.GetProperty("items")[0].GetProperty("person").GetString()!;
        var profile = await Json.GetOkAsync(Client, $"/api/v1/people/{Uri.EscapeDataString(person)}");
        var url = profile.GetProperty("person").GetProperty("accounts").EnumerateArray().First(a => a.GetProperty("network").GetString() == "blog").GetProperty("id").GetString()!;
        url.ShouldContain("/");
        var identity = await Json.GetOkAsync(Client, $"/v2/identity.json/blog/{Uri.EscapeDataString(url)}?key={Key}");
        identity.GetProperty("id").GetString().ShouldBe(profile.GetProperty("person").GetProperty("kloutId").GetString());
    }

    [Fact]
    public async Task User_has_klouts_field_names_and_types()
    {
        var (person, handle, _) = await TopXPersonAsync();
        var kloutId = await KloutIdAsync(handle);
        var user = await Json.GetOkAsync(Client, $"/v2/user.json/{kloutId}?key={Key}");
        user.EnumerateObject().Select(p => p.Name).ShouldBe(["kloutId", "nick", "score", "scoreDeltas"]);
        user.GetProperty("kloutId").ValueKind.ShouldBe(JsonValueKind.String);
        user.GetProperty("nick").GetString().ShouldBe(handle);
        user.GetProperty("score").EnumerateObject().Select(p => p.Name).ShouldBe(["score", "bucket"]);
        user.GetProperty("scoreDeltas").EnumerateObject().Select(p => p.Name).ShouldBe(["dayChange", "weekChange", "monthChange"]);
        var ours = await Json.GetOkAsync(Client, $"/api/v1/people/{person}/score");
        user.GetProperty("score").GetProperty("score").GetDouble().ShouldBe(ours.GetProperty("score").GetDouble());
        user.GetProperty("score").GetProperty("bucket").GetString().ShouldBe(ours.GetProperty("bucket").GetString());
        user.GetProperty("scoreDeltas").GetProperty("dayChange").GetDouble().ShouldBe(ours.GetProperty("dayChange").GetDouble());
    }

    [Fact]
    public async Task Score_answers_with_the_singular_score_delta_as_klout_did()
    {
        var (_, handle, _) = await TopXPersonAsync();
        var kloutId = await KloutIdAsync(handle);
        var score = await Json.GetOkAsync(Client, $"/v2/user.json/{kloutId}/score?key={Key}");
        score.EnumerateObject().Select(p => p.Name).ShouldBe(["score", "scoreDelta", "bucket"]);
        score.GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public async Task Influence_lists_up_to_five_entities_with_counts_and_topics_have_Klout_fields()
    {
        var (_, handle, _) = await TopXPersonAsync();
        var kloutId = await KloutIdAsync(handle);
        var influence = await Json.GetOkAsync(Client, $"/v2/user.json/{kloutId}/influence?key={Key}");
        influence.EnumerateObject().Select(p => p.Name).ShouldBe(["myInfluencers", "myInfluencees", "myInfluencersCount", "myInfluenceesCount"]);
        var influencers = influence.GetProperty("myInfluencers");
        influencers.GetArrayLength().ShouldBeLessThanOrEqualTo(5);
        influence.GetProperty("myInfluencersCount").GetInt32().ShouldBeGreaterThanOrEqualTo(influencers.GetArrayLength());
        if (influencers.GetArrayLength() > 0)
        {
            var entity = influencers[0].GetProperty("entity");
            entity.GetProperty("id").GetString().ShouldBe(entity.GetProperty("payload").GetProperty("kloutId").GetString());
            entity.GetProperty("payload").GetProperty("score").GetProperty("bucket").ValueKind.ShouldBe(JsonValueKind.String);
        }

        var topics = await Json.GetOkAsync(Client, $"/v2/user.json/{kloutId}/topics?key={Key}");
        topics.ValueKind.ShouldBe(JsonValueKind.Array);
        topics.GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var topic in topics.EnumerateArray())
        {
            long.TryParse(topic.GetProperty("id").GetString(), out _).ShouldBeTrue();
            topic.GetProperty("slug").GetString().ShouldNotBeNullOrEmpty();
            topic.GetProperty("displayName").GetString().ShouldNotBeNullOrEmpty();
            topic.GetProperty("topicType").GetString().ShouldBeOneOf("sub", "entity");
        }
    }

    [Fact]
    public async Task Calls_without_a_valid_key_get_klouts_403_body()
    {
        foreach (var url in new[] { "/v2/user.json/1", "/v2/user.json/1?key=nonsense", "/v2/identity.json/twitter?screenName=a&key=ck_12345678_nope" })
        {
            using var response = await Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            var body = await Json.ReadAsync(response);
            body.GetProperty("error").GetInt32().ShouldBe(403);
            body.GetProperty("description").GetString().ShouldBe("Invalid or unprovided API key. All calls must have a key.");
        }
    }

    [Fact]
    public async Task A_revoked_key_gets_401_and_an_unknown_user_404_in_klouts_shape()
    {
        using var revoked = await Client.GetAsync(new Uri($"/v2/user.json/1?key={api.Store.RevokedKey}", UriKind.Relative), TestContext.Current.CancellationToken);
        revoked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Json.ReadAsync(revoked)).GetProperty("error").GetInt32().ShouldBe(401);

        foreach (var url in new[] { $"/v2/user.json/12345?key={Key}", $"/v2/user.json/not-a-number?key={Key}", $"/v2/identity.json/twitter?screenName=nobody_here_at_all&key={Key}", $"/v2/no/such/path?key={Key}" })
        {
            using var response = await Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await Json.ReadAsync(response)).GetProperty("error").GetInt32().ShouldBe(404);
        }
    }
}
