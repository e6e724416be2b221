using System.Net;
using System.Text.Json;
using Clout.Api.Tests.Infrastructure;

namespace Clout.Api.Tests;

public sealed class KloutV1ApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Client => api.Client;

    private string Key => api.Store.Key;

    private async Task<List<(string Person, string Handle)>> TopXHandlesAsync(int n)
    {
        var board = await Json.GetOkAsync(Client, $"/api/v1/leaderboard/x?limit={n}");
        var result = new List<(string, string)>();
        foreach (var row in board.GetProperty("items").EnumerateArray())
        {
            var person = row.GetProperty("person").GetString()!;
            var profile = await Json.GetOkAsync(Client, $"/api/v1/people/{person}");
            result.Add((person, profile.GetProperty("person").GetProperty("nick").GetString()!));
        }

        return result;
    }

    [Fact]
    public async Task Klout_json_answers_scores_of_up_to_five_users()
    {
        var users = await TopXHandlesAsync(2);
        var body = await Json.GetOkAsync(Client, $"/1/klout.json?key={Key}&users={users[0].Handle},{users[1].Handle},nobody_known");
        body.GetProperty("status").GetInt32().ShouldBe(200);
        var rows = body.GetProperty("users");
        rows.GetArrayLength().ShouldBe(2);
        rows[0].GetProperty("twitter_screen_name").GetString().ShouldBe(users[0].Handle);
        var ours = await Json.GetOkAsync(Client, $"/api/v1/people/{users[0].Person}/score");
        rows[0].GetProperty("kscore").GetDouble().ShouldBe(ours.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task More_than_five_users_or_none_known_is_refused_in_klouts_shape()
    {
        using var many = await Client.GetAsync(new Uri($"/1/klout.json?key={Key}&users=a,b,c,d,e,f", UriKind.Relative), TestContext.Current.CancellationToken);
        many.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json.ReadAsync(many)).GetProperty("error").GetInt32().ShouldBe(400);
        using var none = await Client.GetAsync(new Uri($"/1/klout.json?key={Key}&users=nobody_known", UriKind.Relative), TestContext.Current.CancellationToken);
        none.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json.ReadAsync(none)).GetProperty("description").GetString().ShouldBe("User not found.");
        using var keyless = await Client.GetAsync(new Uri("/1/klout.json?users=a", UriKind.Relative), TestContext.Current.CancellationToken);
        keyless.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Users_show_has_the_v1_score_object()
    {
        var users = await TopXHandlesAsync(1);
        var body = await Json.GetOkAsync(Client, $"/1/users/show.json?key={Key}&users={users[0].Handle}");
        var user = body.GetProperty("users")[0];
        user.GetProperty("twitter_id").ValueKind.ShouldBe(JsonValueKind.String);
        user.GetProperty("score").EnumerateObject().Select(p => p.Name).ShouldBe(
            ["kscore", "slope", "description", "kclass_id", "kclass", "kclass_description", "kscore_description", "network_score", "amplification_score", "true_reach", "delta_1day", "delta_5day"]);
    }

    [Fact]
    public async Task Topics_and_spheres_of_influence_have_the_v1_shapes()
    {
        var users = await TopXHandlesAsync(1);
        var topics = await Json.GetOkAsync(Client, $"/1/users/topics.json?key={Key}&users={users[0].Handle}");
        topics.GetProperty("users")[0].GetProperty("topics").ValueKind.ShouldBe(JsonValueKind.Array);
        var by = await Json.GetOkAsync(Client, $"/1/soi/influenced_by.json?key={Key}&users={users[0].Handle}");
        var influencers = by.GetProperty("users")[0].GetProperty("influencers");
        influencers.GetArrayLength().ShouldBeLessThanOrEqualTo(5);
        foreach (var i in influencers.EnumerateArray())
        {
            i.GetProperty("kscore").ValueKind.ShouldBe(JsonValueKind.Number);
        }

        var of = await Json.GetOkAsync(Client, $"/1/soi/influencer_of.json?key={Key}&users={users[0].Handle}");
        of.GetProperty("users")[0].GetProperty("influencees").ValueKind.ShouldBe(JsonValueKind.Array);
    }
}
