using System.Globalization;
using Clout.Api.Models;
using Clout.Api.Models.Klout;
using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Core.Storage;

namespace Clout.Api.Infrastructure;

/// <summary>
/// Lookups the Klout-compatible endpoints share: Klout ids, Twitter (X) screen names and ids, and the user payload.
/// Misses throw <see cref="KeyNotFoundException"/>, which the error handler answers with Klout's 404 body.
/// </summary>
public sealed class KloutDirectory(Snapshots data)
{
    public async Task<PersonInfo> ByKloutIdAsync(string kloutId, CancellationToken ct)
    {
        if (!long.TryParse(kloutId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            throw new KeyNotFoundException($"no user with Klout id '{kloutId}'");
        }

        var key = await data.Store.FindPersonByKloutIdAsync(id, ct) ?? throw new KeyNotFoundException($"no user with Klout id '{kloutId}'");
        return await data.Store.GetPersonAsync(key, ct) ?? throw new KeyNotFoundException($"no user with Klout id '{kloutId}'");
    }

    /// <summary>A person by their X handle (Klout's Twitter screen name); another network's handle when no X account has it.</summary>
    public async Task<PersonInfo> ByScreenNameAsync(string screenName, CancellationToken ct)
    {
        var name = screenName.Trim().TrimStart('@');
        if (name.Length == 0)
        {
            throw new KeyNotFoundException("empty screen name");
        }

        var matches = await data.Store.SearchPeopleAsync(name, 10, ct);
        return matches.FirstOrDefault(p => p.Accounts.Any(a => a.Network == Network.X && string.Equals(a.Handle, name, StringComparison.OrdinalIgnoreCase)))
            ?? matches.FirstOrDefault(p => p.Accounts.Any(a => string.Equals(a.Handle, name, StringComparison.OrdinalIgnoreCase)))
            ?? throw new KeyNotFoundException($"no user with screen name '{screenName}'");
    }

    public async Task<PersonInfo> ByAccountAsync(Network network, string id, CancellationToken ct) =>
        await data.Store.GetPersonByAccountAsync(new AccountKey(network, id), ct) ?? throw new KeyNotFoundException($"no {network.Name()} account '{id}'");

    /// <summary>The latest snapshot, with only the <paramref name="parts"/> the endpoint shows (a score alone needs none).</summary>
    public Task<ScoreSnapshot> SnapshotAsync(PersonInfo person, CancellationToken ct, SnapshotParts parts = SnapshotParts.All) => data.SnapshotAsync(person, null, ct, parts);

    public Task<ScoreSnapshot?> TrySnapshotAsync(string person, CancellationToken ct, SnapshotParts parts = SnapshotParts.All) => data.TrySnapshotAsync(person, null, ct, parts);

    public Task<PersonInfo?> PersonAsync(string person, CancellationToken ct) => data.Store.GetPersonAsync(person, ct);

    public static string IdOf(string person) => KloutId.Of(person).ToString(CultureInfo.InvariantCulture);

    public static KloutDeltas DeltasOf(ScoreSnapshot s) => new(s.DayChange ?? 0, s.WeekChange ?? 0, s.MonthChange ?? 0);

    public static KloutUser UserOf(PersonInfo person, ScoreSnapshot s) =>
        new(IdOf(person.Person), PersonView.NickOf(person), new KloutScore(s.Score, s.Bucket), DeltasOf(s));

    /// <summary>The X screen name Klout's v1 rows carry: the X handle, else the nick.</summary>
    public static string ScreenNameOf(PersonInfo person) => PersonView.NickOf(person);

    /// <summary>Distinct people behind a list of engagers, strongest first, as they appear.</summary>
    public static List<string> PeopleOf(IReadOnlyList<Engager> engagers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<string>();
        foreach (var e in engagers)
        {
            if (seen.Add(e.Person))
            {
                people.Add(e.Person);
            }
        }

        return people;
    }
}
