using Clout.Api.Infrastructure;
using Clout.Api.Models;
using Clout.Api.Security;
using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Api;

/// <summary><c>/api/v1/leaderboard</c>: the top scores of a day, of everyone or of people on one network.</summary>
public static class LeaderboardApi
{
    public static RouteGroupBuilder MapLeaderboardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Leaderboard").AddEndpointFilter(new AccessFilter(AccessPolicy.Read));

        group.MapGet("/leaderboard", (string? network, string? date, int? offset, int? limit, HttpContext http, Snapshots data, CancellationToken ct) =>
            LeaderboardAsync(network, date, offset, limit, http, data, ct))
            .WithName("GetLeaderboard").WithSummary("Top scores of a day (default: the latest), optionally of people with an account on one network")
            .Produces<Page<LeaderboardEntry>>().ProducesProblem(400);

        group.MapGet("/leaderboard/{network}", (string network, string? date, int? offset, int? limit, HttpContext http, Snapshots data, CancellationToken ct) =>
            LeaderboardAsync(network, date, offset, limit, http, data, ct))
            .WithName("GetNetworkLeaderboard").WithSummary("Top scores of people with an account on one network")
            .Produces<Page<LeaderboardEntry>>().ProducesProblem(400);

        group.MapGet("/status", async (Snapshots data, Microsoft.Extensions.Options.IOptions<ApiOptions> options, CancellationToken ct) =>
        {
            var state = await data.StateAsync(ct);
            return Results.Ok(new StatusView(state.Version, state.Day, options.Value.RequireKeysForRead));
        })
            .WithTags("Status").WithName("GetStatus").WithSummary("The published algorithm version and its latest scored day")
            .Produces<StatusView>();

        return group;
    }

    private static async Task<IResult> LeaderboardAsync(string? network, string? date, int? offset, int? limit, HttpContext http, Snapshots data, CancellationToken ct)
    {
        if (!Params.TryNetworkFilter(network, out var on))
        {
            throw new ArgumentException($"network '{network}' is unknown; expected all or one of {NetworkNames.Expected}");
        }

        var (skip, take) = Params.Paging(offset, limit);
        var day = Params.Date(date, "date");
        var state = await data.StateAsync(ct);
        if (CacheHeaders.NotModified(http, state))
        {
            return CacheHeaders.NotModifiedResult;
        }

        var rows = await data.Store.GetLeaderboardAsync(day ?? state.Day, state.Version, on, skip, take, ct);
        var next = rows.Count == take ? Params.NextPage(http.Request, skip, take) : null;
        return Results.Ok(new Page<LeaderboardEntry>(rows, skip, take, null, next));
    }
}
