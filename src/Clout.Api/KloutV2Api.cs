using Clout.Api.Infrastructure;
using Clout.Api.Models.Klout;
using Clout.Api.Security;
using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Api;

/// <summary>
/// Klout's Partner API v2 (<c>/v2/…</c>) with Klout's field names and error bodies, so old clients work when
/// pointed at this server. Klout's network <c>tw</c> (twitter) is our <c>x</c>; Klout ids are <see cref="KloutId"/>.
/// </summary>
public static class KloutV2Api
{
    private const int InfluenceShown = 5;

    public static RouteGroupBuilder MapKloutV2Api(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v2").WithTags("Klout v2").AddEndpointFilter(new AccessFilter(AccessPolicy.Klout));

        group.MapGet("/identity.json/twitter", async (string? screenName, KloutDirectory klout, CancellationToken ct) =>
        {
            var person = await klout.ByScreenNameAsync(screenName ?? string.Empty, ct);
            return Results.Ok(new KloutIdentity(KloutDirectory.IdOf(person.Person), "ks"));
        })
            .WithName("KloutIdentityByScreenName").WithSummary("Klout id from a Twitter (X) screen name")
            .Produces<KloutIdentity>().Produces<KloutError>(403).Produces<KloutError>(404);

        group.MapGet("/identity.json/klout/{kloutId}/{network}", async (string kloutId, string network, KloutDirectory klout, CancellationToken ct) =>
        {
            var on = NetworkOf(network);
            var person = await klout.ByKloutIdAsync(kloutId, ct);
            var account = person.Accounts.FirstOrDefault(a => a.Network == on)
                ?? throw new KeyNotFoundException($"user {kloutId} has no {on.Name()} account");
            return Results.Ok(new KloutIdentity(account.Id, KloutNetworkName(on)));
        })
            .WithName("KloutIdentityReverse").WithSummary("A network id (tw for X, or any of our networks) from a Klout id")
            .Produces<KloutIdentity>().Produces<KloutError>(403).Produces<KloutError>(404);

        group.MapGet("/identity.json/{network}/{id}", async (string network, string id, KloutDirectory klout, CancellationToken ct) =>
        {
            var person = await klout.ByAccountAsync(NetworkOf(network), Params.PathSegment(id), ct);
            return Results.Ok(new KloutIdentity(KloutDirectory.IdOf(person.Person), "ks"));
        })
            .WithName("KloutIdentityByNetworkId").WithSummary("Klout id from a network id: tw (X), ig, fb, or mastodon, bluesky, reddit, youtube, blog, linkedin")
            .Produces<KloutIdentity>().Produces<KloutError>(403).Produces<KloutError>(404);

        group.MapGet("/user.json/{kloutId}", async (string kloutId, KloutDirectory klout, CancellationToken ct) =>
        {
            var person = await klout.ByKloutIdAsync(kloutId, ct);
            return Results.Ok(KloutDirectory.UserOf(person, await klout.SnapshotAsync(person, ct, SnapshotParts.None)));
        })
            .WithName("KloutUser").WithSummary("A user's nick, score, bucket and score deltas")
            .Produces<KloutUser>().Produces<KloutError>(403).Produces<KloutError>(404);

        group.MapGet("/user.json/{kloutId}/score", async (string kloutId, KloutDirectory klout, CancellationToken ct) =>
        {
            var person = await klout.ByKloutIdAsync(kloutId, ct);
            var s = await klout.SnapshotAsync(person, ct, SnapshotParts.None);
            return Results.Ok(new KloutUserScore(s.Score, KloutDirectory.DeltasOf(s), s.Bucket));
        })
            .WithName("KloutUserScore").WithSummary("A user's score with scoreDelta (singular, as Klout sent it)")
            .Produces<KloutUserScore>().Produces<KloutError>(403).Produces<KloutError>(404);

        group.MapGet("/user.json/{kloutId}/topics", async (string kloutId, KloutDirectory klout, CancellationToken ct) =>
        {
            var person = await klout.ByKloutIdAsync(kloutId, ct);
            var s = await klout.SnapshotAsync(person, ct, SnapshotParts.Topics);
            return Results.Ok(KloutTopics.Of(s, Clout.Engine.Topics.TopicTaxonomy.Default));
        })
            .WithName("KloutUserTopics").WithSummary("A user's topics, ranked, with the taxonomy's stable ids")
            .Produces<KloutTopic[]>().Produces<KloutError>(403).Produces<KloutError>(404);

        group.MapGet("/user.json/{kloutId}/influence", async (string kloutId, KloutDirectory klout, CancellationToken ct) =>
        {
            var person = await klout.ByKloutIdAsync(kloutId, ct);
            var s = await klout.SnapshotAsync(person, ct, SnapshotParts.Explanation);
            var influencers = KloutDirectory.PeopleOf(s.Explanation.Influencers);
            var influencees = KloutDirectory.PeopleOf(s.Explanation.Influencees);
            return Results.Ok(new KloutInfluence(
                await EntitiesAsync(influencers, klout, ct),
                await EntitiesAsync(influencees, klout, ct),
                influencers.Count,
                influencees.Count));
        })
            .WithName("KloutUserInfluence").WithSummary("Up to 5 influencers and influencees with their scores, and their totals")
            .Produces<KloutInfluence>().Produces<KloutError>(403).Produces<KloutError>(404);

        return group;
    }

    private static async Task<List<KloutEntity>> EntitiesAsync(List<string> people, KloutDirectory klout, CancellationToken ct)
    {
        var entities = new List<KloutEntity>(InfluenceShown);
        foreach (var key in people)
        {
            if (entities.Count == InfluenceShown)
            {
                break;
            }

            if (await klout.PersonAsync(key, ct) is { } person && await klout.TrySnapshotAsync(key, ct, SnapshotParts.None) is { } s)
            {
                var user = KloutDirectory.UserOf(person, s);
                entities.Add(new KloutEntity(new KloutEntityBody(user.KloutId, user)));
            }
        }

        return entities;
    }

    /// <summary>Klout's short network names (tw, ig, fb, gp) and ours.</summary>
    internal static Network NetworkOf(string name) => name.ToLowerInvariant() switch
    {
        "ig" => Network.Instagram,
        "fb" => Network.Facebook,
        _ when NetworkNames.TryParse(name, out var n) => n,
        _ => throw new KeyNotFoundException($"unknown network '{name}'"),
    };

    private static string KloutNetworkName(Network network) => network switch
    {
        Network.X => "tw",
        Network.Instagram => "ig",
        Network.Facebook => "fb",
        _ => network.Name(),
    };
}
