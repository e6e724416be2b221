using Clout.Api.Models;
using Clout.Api.Security;
using Clout.Application.Identity;
using Clout.Core.Domain;
using Microsoft.Extensions.Options;

namespace Clout.Api;

/// <summary>
/// Endpoints that need a key whatever the install: the calling key's own usage, and linking accounts to people
/// (the API's write endpoints). Keys themselves are made with <c>clout keys create</c>, on the server.
/// </summary>
public static class KeysApi
{
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Keys and links").AddEndpointFilter(new AccessFilter(AccessPolicy.Write));

        group.MapGet("/keys/current", (HttpContext http, KeyRateLimiter limiter, IOptions<ApiOptions> options) =>
        {
            var key = AccessFilter.CurrentKey(http)!;
            return Results.Ok(KeyView.Of(key, options.Value, limiter.UsedToday(key.Id)));
        })
            .WithName("GetCurrentKey").WithSummary("The calling key: its limits and requests used today")
            .Produces<KeyView>().ProducesProblem(401).ProducesProblem(429);

        group.MapPut("/people/{id}/accounts/{network}/{account}", async (string id, string network, string account, Clout.Core.Storage.ICloutStore store, CancellationToken ct) =>
        {
            var key = AccountKeyOf(network, account);
            await new IdentityService(store) { StoreName = "the store" }.LinkAsync(id, key.ToString(), ct);
            return Results.NoContent();
        })
            .WithName("LinkAccount").WithSummary("Links an account to a person (created if new); takes effect at the next scoring run")
            .Produces(204).ProducesProblem(401).ProducesProblem(404).ProducesProblem(400);

        group.MapDelete("/people/{id}/accounts/{network}/{account}", async (string id, string network, string account, Clout.Core.Storage.ICloutStore store, CancellationToken ct) =>
        {
            var key = AccountKeyOf(network, account);
            var owner = await store.GetPersonByAccountAsync(key, ct);
            if (owner is null || owner.Person != id)
            {
                throw new KeyNotFoundException($"account {key} is not linked to {id}");
            }

            try
            {
                await new IdentityService(store) { StoreName = "the store" }.UnlinkAsync(key.ToString(), ct);
            }
            catch (InvalidOperationException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: e.Message);
            }

            return Results.NoContent();
        })
            .WithName("UnlinkAccount").WithSummary("Makes an account its own person again; 409 for the account a person with other accounts is named after")
            .Produces(204).ProducesProblem(401).ProducesProblem(404).ProducesProblem(400).ProducesProblem(409);

        return group;
    }

    private static AccountKey AccountKeyOf(string network, string account) =>
        NetworkNames.TryParse(network, out var n)
            ? new AccountKey(n, account)
            : throw new ArgumentException($"network '{network}' is unknown; expected one of {NetworkNames.Expected}");
}
