using System.Net;
using System.Net.Http.Headers;
using Clout.Api.Tests.Infrastructure;

namespace Clout.Api.Tests;

/// <summary>Linking and unlinking through the API follow the same rules as <c>clout link</c> and <c>clout unlink</c> (issue 5, part 2).</summary>
public sealed class IdentityApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string person, string network, string account)
    {
        using var request = new HttpRequestMessage(method, new Uri($"/api/v1/people/{Uri.EscapeDataString(person)}/accounts/{network}/{Uri.EscapeDataString(account)}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Store.Key);
        return await api.Client.SendAsync(request, Ct);
    }

    private async Task<(string Person, string Network, string Id)> AccountOfRankAsync(int rank)
    {
        var board = await Json.GetOkAsync(api.Client, "/api/v1/leaderboard?limit=20");
        var person = board.GetProperty("items")[rank - 1].GetProperty("person").GetString()!;
        var account = (await Json.GetOkAsync(api.Client, $"/api/v1/people/{Uri.EscapeDataString(person)}/accounts"))[0];
        return (person, account.GetProperty("network").GetString()!, account.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task An_account_is_linked_to_a_new_person_and_unlinked_again_and_the_account_a_person_is_named_after_cannot_leave_it()
    {
        var (first, network1, id1) = await AccountOfRankAsync(1);
        var (_, network2, id2) = await AccountOfRankAsync(2);

        // The first account leaves its person and becomes its own; the second joins it under the first's own id.
        (await SendAsync(HttpMethod.Delete, first, network1, id1)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var own = $"{network1}:{id1}";
        (await SendAsync(HttpMethod.Put, own, network2, id2)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var accounts = await Json.GetOkAsync(api.Client, $"/api/v1/people/{Uri.EscapeDataString(own)}/accounts");
        accounts.EnumerateArray().Select(a => $"{a.GetProperty("network").GetString()}:{a.GetProperty("id").GetString()}").ShouldBe([own, $"{network2}:{id2}"], ignoreOrder: true);

        using var conflict = await SendAsync(HttpMethod.Delete, own, network1, id1);
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json.ReadAsync(conflict)).GetProperty("detail").GetString()!.ShouldContain("named after");

        (await SendAsync(HttpMethod.Delete, own, network2, id2)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SendAsync(HttpMethod.Delete, own, network1, id1)).StatusCode.ShouldBe(HttpStatusCode.NoContent); // alone again: nothing to do
    }

    [Fact]
    public async Task Unknown_accounts_and_networks_are_problems_that_do_not_name_the_store_file()
    {
        using var unknown = await SendAsync(HttpMethod.Put, "someone", "x", "no-such-account");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var detail = (await Json.ReadAsync(unknown)).GetProperty("detail").GetString()!;
        detail.ShouldContain("no account x:no-such-account in the store");
        detail.ShouldNotContain("sqlite:");

        using var network = await SendAsync(HttpMethod.Put, "someone", "myspace", "bob");
        network.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json.ReadAsync(network)).GetProperty("detail").GetString()!.ShouldContain("myspace");
    }
}
