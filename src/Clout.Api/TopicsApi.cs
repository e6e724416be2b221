using System.Globalization;
using Clout.Api.Infrastructure;
using Clout.Api.Models;
using Clout.Api.Security;
using Clout.Core.Domain;
using Clout.Core.Storage;
using Clout.Engine.Topics;

namespace Clout.Api;

/// <summary>
/// <c>/api/v1/topics</c>: the taxonomy, the leaderboard of one topic (the people most influential on it), and a
/// person's topics.
/// </summary>
public static class TopicsApi
{
    /// <summary>Rows a topic leaderboard pages through at most: deeper pages say little and cost the store a longer scan.</summary>
    public const int MaxDepth = 10_000;

    private static readonly TopicTaxonomy Taxonomy = TopicTaxonomy.Default;

    private static readonly TopicView[] AllTopics = Taxonomy.Topics.Select(View).ToArray();

    public static RouteGroupBuilder MapTopicsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Topics").AddEndpointFilter(new AccessFilter(AccessPolicy.Read));

        group.MapGet("/topics", (HttpContext http) =>
        {
            // The taxonomy ships with the server: it changes only with a new release.
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Ok(AllTopics);
        })
            .WithName("GetTopics").WithSummary("The topic taxonomy: stable id, slug, name and parent slug of every topic")
            .Produces<TopicView[]>();

        group.MapGet("/topics/{slug}/leaderboard", TopicLeaderboardAsync)
            .WithName("GetTopicLeaderboard")
            .WithSummary("The people most influential on a topic on a day (default: the latest), optionally only people with an account on one network and at least minScore on the topic")
            .Produces<TopicLeaderboardPage>().ProducesProblem(400).ProducesProblem(404);

        group.MapGet("/people/{id}/topics", async (string id, HttpContext http, Snapshots data, CancellationToken ct) =>
        {
            var state = await data.StateAsync(ct);
            if (CacheHeaders.NotModified(http, state))
            {
                return CacheHeaders.NotModifiedResult;
            }

            var person = await data.PersonAsync(id, ct);
            var s = await data.SnapshotAsync(person, null, ct, SnapshotParts.Topics);
            return Results.Ok(s.Topics.Select(t => new PersonTopicView(t.Slug, t.Name, t.Score, t.Weight, t.Posts, t.Reactions, t.Attributions)).ToArray());
        })
            .WithTags("People").WithName("GetPersonTopics").WithSummary("The topics a person is influential about, highest score first")
            .Produces<PersonTopicView[]>().ProducesProblem(404);

        return group;
    }

    private static async Task<IResult> TopicLeaderboardAsync(string slug, string? network, string? minScore, string? date, int? offset, int? limit, HttpContext http, Snapshots data, CancellationToken ct)
    {
        var topic = Find(slug);
        if (!Params.TryNetworkFilter(network, out var on))
        {
            throw new ArgumentException($"query parameter 'network' is '{network}'; expected all or one of {NetworkNames.Expected}");
        }

        var floor = MinScore(minScore);
        var (skip, take) = Params.Paging(offset, limit);
        if (skip + take > MaxDepth)
        {
            throw new ArgumentException($"query parameter 'offset' is {skip}; expected offset + limit up to {MaxDepth:N0} (a topic leaderboard pages through its top {MaxDepth:N0})");
        }

        var day = Params.Date(date, "date");
        var state = await data.StateAsync(ct);
        if (CacheHeaders.NotModified(http, state))
        {
            return CacheHeaders.NotModifiedResult;
        }

        var scored = day ?? state.Day
            ?? throw new KeyNotFoundException($"nothing is scored yet with algorithm {state.Version}");

        // The store ranks from the top; a page is the tail of the first offset + limit rows.
        var rows = await data.Store.GetTopicLeaderboardAsync(topic.Slug, scored, state.Version, on, floor, skip + take, ct);
        var items = rows.Skip(skip).ToList();
        var next = rows.Count == skip + take && skip + take < MaxDepth ? Params.NextPage(http.Request, skip, take) : null;
        return Results.Ok(new TopicLeaderboardPage(View(topic), scored, state.Version, items, skip, take, next));
    }

    private static Topic Find(string slug)
    {
        var s = slug.Trim().ToLowerInvariant();
        if (Taxonomy.TryGetIndex(s, out var index))
        {
            return Taxonomy[index];
        }

        var close = s.Length > 0 ? Taxonomy.SlugsContaining(s, 5) : [];
        throw new KeyNotFoundException($"no topic '{slug}': expected a slug of the taxonomy (GET /api/v1/topics){(close.Count > 0 ? $", such as {string.Join(", ", close)}" : string.Empty)}");
    }

    private static double MinScore(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100
            ? value
            : throw new ArgumentException($"query parameter 'minScore' is '{text}'; expected a number from 0 to 100");
    }

    private static TopicView View(Topic t) => new(t.Id.ToString(CultureInfo.InvariantCulture), t.Slug, t.Name, t.Parent);
}
