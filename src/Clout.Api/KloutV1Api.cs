using Clout.Api.Infrastructure;
using Clout.Api.Models.Klout;
using Clout.Api.Security;
using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Core.Storage;

namespace Clout.Api;

/// <summary>
/// Klout's retired v1 API (<c>/1/…</c>), as the npm <c>klout</c> client and others call it: users are Twitter
/// (X) screen names in <c>users=a,b</c> (at most 5); users that are not found are left out, and a call that finds
/// none answers 404.
/// </summary>
public static class KloutV1Api
{
    public const int MaxUsers = 5;
    private const int InfluenceShown = 5;

    public static RouteGroupBuilder MapKloutV1Api(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/1").WithTags("Klout v1").AddEndpointFilter(new AccessFilter(AccessPolicy.Klout));

        group.MapGet("/klout.json", async (string? users, KloutDirectory klout, CancellationToken ct) =>
        {
            var rows = new List<V1Score>();
            foreach (var (person, s) in await UsersAsync(users, SnapshotParts.None, klout, ct))
            {
                rows.Add(new V1Score(KloutDirectory.ScreenNameOf(person), s.Score));
            }

            return Results.Ok(new V1Response<V1Score>(200, rows));
        })
            .WithName("KloutV1Score").WithSummary("Scores of up to 5 users by screen name")
            .Produces<V1Response<V1Score>>().Produces<KloutError>(403).Produces<KloutError>(404);

        group.MapGet("/users/show.json", async (string? users, KloutDirectory klout, Snapshots data, CancellationToken ct) =>
        {
            var rows = new List<V1UserShow>();
            foreach (var (person, s) in await UsersAsync(users, SnapshotParts.None, klout, ct))
            {
                var history = await data.Store.GetHistoryAsync(person.Person, s.Day.AddDays(-5), s.Day.AddDays(-5), s.Version, ct);
                var delta5 = history.Count > 0 ? s.Score - history[0].Score : 0;
                var x = person.Accounts.FirstOrDefault(a => a.Network == Network.X);
                rows.Add(new V1UserShow(x?.Id ?? string.Empty, KloutDirectory.ScreenNameOf(person), Detail(s, delta5)));
            }

            return Results.Ok(new V1Response<V1UserShow>(200, rows));
        })
            .WithName("KloutV1Show").WithSummary("Score details of up to 5 users by screen name")
            .Produces<V1Response<V1UserShow>>().Produces<KloutError>(403).Produces<KloutError>(404);

        group.MapGet("/users/topics.json", async (string? users, KloutDirectory klout, CancellationToken ct) =>
        {
            var rows = new List<V1Topics>();
            foreach (var (person, s) in await UsersAsync(users, SnapshotParts.Topics, klout, ct))
            {
                rows.Add(new V1Topics(KloutDirectory.ScreenNameOf(person), s.Topics.Select(t => t.Name).ToArray()));
            }

            return Results.Ok(new V1Response<V1Topics>(200, rows));
        })
            .WithName("KloutV1Topics").WithSummary("Topics of up to 5 users, ranked")
            .Produces<V1Response<V1Topics>>().Produces<KloutError>(403).Produces<KloutError>(404);

        group.MapGet("/soi/influenced_by.json", async (string? users, KloutDirectory klout, CancellationToken ct) =>
        {
            var rows = new List<V1Influencers>();
            foreach (var (person, s) in await UsersAsync(users, SnapshotParts.Explanation, klout, ct))
            {
                rows.Add(new V1Influencers(KloutDirectory.ScreenNameOf(person), await ScoresAsync(s.Explanation.Influencers, klout, ct)));
            }

            return Results.Ok(new V1Response<V1Influencers>(200, rows));
        })
            .WithName("KloutV1InfluencedBy").WithSummary("Who influences each of up to 5 users")
            .Produces<V1Response<V1Influencers>>().Produces<KloutError>(403).Produces<KloutError>(404);

        group.MapGet("/soi/influencer_of.json", async (string? users, KloutDirectory klout, CancellationToken ct) =>
        {
            var rows = new List<V1Influencees>();
            foreach (var (person, s) in await UsersAsync(users, SnapshotParts.Explanation, klout, ct))
            {
                rows.Add(new V1Influencees(KloutDirectory.ScreenNameOf(person), await ScoresAsync(s.Explanation.Influencees, klout, ct)));
            }

            return Results.Ok(new V1Response<V1Influencees>(200, rows));
        })
            .WithName("KloutV1InfluencerOf").WithSummary("Whom each of up to 5 users influences")
            .Produces<V1Response<V1Influencees>>().Produces<KloutError>(403).Produces<KloutError>(404);

        return group;
    }

    private static async Task<List<(PersonInfo Person, ScoreSnapshot Snapshot)>> UsersAsync(string? users, SnapshotParts parts, KloutDirectory klout, CancellationToken ct)
    {
        var names = (users ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException("query parameter 'users' is missing; expected up to 5 screen names separated by commas");
        }

        if (names.Length > MaxUsers)
        {
            throw new ArgumentException($"query parameter 'users' names {names.Length} users; at most {MaxUsers} are allowed per call");
        }

        var found = new List<(PersonInfo, ScoreSnapshot)>(names.Length);
        foreach (var name in names)
        {
            try
            {
                var person = await klout.ByScreenNameAsync(name, ct);
                if (await klout.TrySnapshotAsync(person.Person, ct, parts) is { } s)
                {
                    found.Add((person, s));
                }
            }
            catch (KeyNotFoundException)
            {
                // v1 answered for the users it knew and left the others out.
            }
        }

        return found.Count > 0 ? found : throw new KeyNotFoundException($"none of the users {string.Join(", ", names)} was found");
    }

    private static async Task<List<V1Score>> ScoresAsync(IReadOnlyList<Engager> engagers, KloutDirectory klout, CancellationToken ct)
    {
        var rows = new List<V1Score>(InfluenceShown);
        foreach (var key in KloutDirectory.PeopleOf(engagers))
        {
            if (rows.Count == InfluenceShown)
            {
                break;
            }

            if (await klout.PersonAsync(key, ct) is { } person && await klout.TrySnapshotAsync(key, ct, SnapshotParts.None) is { } s)
            {
                rows.Add(new V1Score(KloutDirectory.ScreenNameOf(person), s.Score));
            }
        }

        return rows;
    }

    private static V1ScoreDetail Detail(ScoreSnapshot s, double delta5) =>
        new(
            s.Score,
            (s.WeekChange ?? 0) / 7,
            Describe(s.Score),
            0,
            string.Empty,
            string.Empty,
            Describe(s.Score),
            s.NetworkImpact,
            s.Amplification,
            s.Reach,
            s.DayChange ?? 0,
            delta5);

    private static string Describe(double score) => score switch
    {
        >= 90 => "is among the most influential people on the networks we see",
        >= 63 => "is more influential than 95% of people",
        >= 40 => "is about as influential as most active people",
        >= 20 => "has some influence",
        _ => "has little influence yet",
    };
}
