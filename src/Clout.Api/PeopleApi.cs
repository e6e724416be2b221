using Clout.Api.Infrastructure;
using Clout.Api.Models;
using Clout.Api.Security;
using Clout.Application.Explaining;
using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Core.Storage;

namespace Clout.Api;

/// <summary>
/// <c>/api/v1/people</c>: a person, accounts, current score, history, explanation, what changed, moments,
/// influencers and influencees; <c>/api/v1/search</c>. A person is named by id, <c>network:account</c> or handle.
/// </summary>
public static class PeopleApi
{
    private const int DefaultHistoryDays = 90;

    public static RouteGroupBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("People").AddEndpointFilter(new AccessFilter(AccessPolicy.Read));

        group.MapGet("/search", async (string? q, int? limit, Snapshots data, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                throw new ArgumentException("query parameter 'q' is missing; expected a handle, name or person id (or its beginning)");
            }

            var (_, take) = Params.Paging(0, limit);
            var people = await data.Store.SearchPeopleAsync(q.Trim(), take, ct);
            var state = await data.StateAsync(ct);
            var rows = new List<ProfileView>(people.Count);
            foreach (var p in people)
            {
                var s = await data.Store.GetSnapshotAsync(p.Person, state.Day, state.Version, ScoreView.Parts, ct);
                rows.Add(new ProfileView(PersonView.Of(p), s is null ? null : ScoreView.Of(s)));
            }

            return Results.Ok(new Page<ProfileView>(rows, 0, take, rows.Count, null));
        })
            .WithName("SearchPeople").WithSummary("Search people by handle, name or id (exact matches first, then prefixes)")
            .Produces<Page<ProfileView>>().ProducesProblem(400);

        group.MapGet("/people/{id}", async (string id, HttpContext http, Snapshots data, CancellationToken ct) =>
        {
            var state = await data.StateAsync(ct);
            if (CacheHeaders.NotModified(http, state))
            {
                return CacheHeaders.NotModifiedResult;
            }

            var person = await data.PersonAsync(id, ct);
            var s = await data.TrySnapshotAsync(person.Person, null, ct, ScoreView.Parts);
            return Results.Ok(new ProfileView(PersonView.Of(person), s is null ? null : ScoreView.Of(s)));
        })
            .WithName("GetPerson").WithSummary("A person, their accounts and current score")
            .Produces<ProfileView>().ProducesProblem(404);

        group.MapGet("/people/{id}/accounts", async (string id, Snapshots data, CancellationToken ct) =>
        {
            var person = await data.PersonAsync(id, ct);
            return Results.Ok(person.Accounts.Select(AccountView.Of).ToArray());
        })
            .WithName("GetAccounts").WithSummary("The accounts linked to a person")
            .Produces<AccountView[]>().ProducesProblem(404);

        group.MapGet("/people/{id}/score", async (string id, string? date, HttpContext http, Snapshots data, CancellationToken ct) =>
        {
            var state = await data.StateAsync(ct);
            if (CacheHeaders.NotModified(http, state))
            {
                return CacheHeaders.NotModifiedResult;
            }

            var person = await data.PersonAsync(id, ct);
            return Results.Ok(ScoreView.Of(await data.SnapshotAsync(person, Params.Date(date, "date"), ct, ScoreView.Parts)));
        })
            .WithName("GetScore").WithSummary("Score, bucket, deltas, sub-scores and per-network parts on a day (default: the latest)")
            .Produces<ScoreView>().ProducesProblem(404).ProducesProblem(400);

        group.MapGet("/people/{id}/history", async (string id, string? from, string? to, HttpContext http, Snapshots data, CancellationToken ct) =>
        {
            var state = await data.StateAsync(ct);
            if (CacheHeaders.NotModified(http, state))
            {
                return CacheHeaders.NotModifiedResult;
            }

            var person = await data.PersonAsync(id, ct);
            var last = Params.Date(to, "to") ?? state.Day ?? DateOnly.FromDateTime(DateTime.UnixEpoch);
            var first = Params.Date(from, "from") ?? last.AddDays(1 - DefaultHistoryDays);
            if (first > last)
            {
                throw new ArgumentException($"query parameter 'from' ({first:yyyy-MM-dd}) is after 'to' ({last:yyyy-MM-dd})");
            }

            var points = await data.Store.GetHistoryAsync(person.Person, first, last, state.Version, ct);
            return Results.Ok(new HistoryView(person.Person, state.Version, first, last, points));
        })
            .WithName("GetHistory").WithSummary("Daily scores and sub-scores between two days (default: the 90 days up to the latest)")
            .Produces<HistoryView>().ProducesProblem(404).ProducesProblem(400);

        group.MapGet("/people/{id}/explanation", async (string id, string? date, HttpContext http, Snapshots data, CancellationToken ct) =>
        {
            var state = await data.StateAsync(ct);
            if (CacheHeaders.NotModified(http, state))
            {
                return CacheHeaders.NotModifiedResult;
            }

            var person = await data.PersonAsync(id, ct);
            return Results.Ok(ExplanationView.Of(await data.SnapshotAsync(person, Params.Date(date, "date"), ct, SnapshotParts.Explanation)));
        })
            .WithName("GetExplanation").WithSummary("Every point of the score attributed to a signal; discounted engagement and flags")
            .Produces<ExplanationView>().ProducesProblem(404).ProducesProblem(400);

        group.MapGet("/people/{id}/changes", async (string id, string? from, string? to, HttpContext http, Snapshots data, CancellationToken ct) =>
        {
            var state = await data.StateAsync(ct);
            if (CacheHeaders.NotModified(http, state))
            {
                return CacheHeaders.NotModifiedResult;
            }

            var person = await data.PersonAsync(id, ct);
            var last = Params.Date(to, "to") ?? state.Day ?? throw new KeyNotFoundException($"nothing is scored yet with algorithm {state.Version}");
            var first = Params.Date(from, "from") ?? await EarlierDayAsync(data, person.Person, last, state.Version, ct);
            var changes = await new ExplainService(data.Store).ChangesAsync(person.Person, first, last, state.Version, ct);
            return Results.Ok(ChangesView.Of(changes));
        })
            .WithName("GetChanges").WithSummary("What changed between two days (default: the week up to the latest day); items add up to the delta")
            .Produces<ChangesView>().ProducesProblem(404).ProducesProblem(400);

        group.MapGet("/people/{id}/moments", async (string id, string? date, HttpContext http, Snapshots data, CancellationToken ct) =>
        {
            var state = await data.StateAsync(ct);
            if (CacheHeaders.NotModified(http, state))
            {
                return CacheHeaders.NotModifiedResult;
            }

            var person = await data.PersonAsync(id, ct);
            var report = await new ExplainService(data.Store).ExplainAsync(person.Person, Params.Date(date, "date") ?? state.Day, state.Version, ct);
            return Results.Ok(report.Moments.Select(MomentView.Of).ToArray());
        })
            .WithName("GetMoments").WithSummary("The posts that drove the score in its window")
            .Produces<MomentView[]>().ProducesProblem(404).ProducesProblem(400);

        group.MapGet("/people/{id}/influencers", (string id, string? date, int? offset, int? limit, HttpContext http, Snapshots data, CancellationToken ct) =>
            EngagersAsync(id, date, offset, limit, http, data, e => e.Influencers, ct))
            .WithName("GetInfluencers").WithSummary("Who moves this person, strongest first")
            .Produces<Page<EngagerView>>().ProducesProblem(404).ProducesProblem(400);

        group.MapGet("/people/{id}/influencees", (string id, string? date, int? offset, int? limit, HttpContext http, Snapshots data, CancellationToken ct) =>
            EngagersAsync(id, date, offset, limit, http, data, e => e.Influencees, ct))
            .WithName("GetInfluencees").WithSummary("Whom this person moves, strongest first")
            .Produces<Page<EngagerView>>().ProducesProblem(404).ProducesProblem(400);

        return group;
    }

    /// <summary>A week before <paramref name="day"/>, or the earliest scored day since then when that day has no score.</summary>
    private static async Task<DateOnly> EarlierDayAsync(Snapshots data, string person, DateOnly day, string version, CancellationToken ct)
    {
        var week = await data.Store.GetHistoryAsync(person, day.AddDays(-7), day.AddDays(-1), version, ct);
        return week.Count > 0 ? week[0].Day : throw new KeyNotFoundException($"{person} has no score in the week before {day:yyyy-MM-dd} to compare with; pass from=YYYY-MM-DD");
    }

    private static async Task<IResult> EngagersAsync(string id, string? date, int? offset, int? limit, HttpContext http, Snapshots data, Func<Explanation, IReadOnlyList<Engager>> pick, CancellationToken ct)
    {
        var (skip, take) = Params.Paging(offset, limit);
        var state = await data.StateAsync(ct);
        if (CacheHeaders.NotModified(http, state))
        {
            return CacheHeaders.NotModifiedResult;
        }

        var person = await data.PersonAsync(id, ct);
        var all = pick((await data.SnapshotAsync(person, Params.Date(date, "date"), ct, SnapshotParts.Explanation)).Explanation);
        var items = all.Skip(skip).Take(take).Select(EngagerView.Of).ToArray();
        var next = skip + take < all.Count ? Params.NextPage(http.Request, skip, take) : null;
        return Results.Ok(new Page<EngagerView>(items, skip, take, all.Count, next));
    }
}
