using Clout.Application.Explaining;
using Clout.Core.Scoring;
using Clout.Core.Storage;

namespace Clout.Api.Infrastructure;

/// <summary>Finds people and their snapshots for the endpoints, with the errors every endpoint gives the same way.</summary>
public sealed class Snapshots(ICloutStore store, ScoreStateCache state)
{
    public ICloutStore Store => store;

    public ValueTask<ScoreState> StateAsync(CancellationToken cancellationToken) => state.GetAsync(cancellationToken);

    public async Task<PersonInfo> PersonAsync(string text, CancellationToken cancellationToken)
    {
        text = Params.PathSegment(text);
        try
        {
            return await PersonResolver.ResolveAsync(store, text, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            // The resolver's message names the store file: not something to show callers of a web API.
            throw new KeyNotFoundException($"no person '{text}': expected a person id, network:account or a handle");
        }
    }

    /// <summary>The snapshot of a day (latest when null) with the published version; 404 when there is none.</summary>
    public async Task<ScoreSnapshot> SnapshotAsync(PersonInfo person, DateOnly? day, CancellationToken cancellationToken, SnapshotParts parts = SnapshotParts.All)
    {
        var s = await state.GetAsync(cancellationToken);
        return await TrySnapshotAsync(person.Person, day, cancellationToken, parts)
            ?? throw new KeyNotFoundException(day is null
                ? $"{person.Person} has no score yet with algorithm {s.Version}"
                : $"{person.Person} has no score on {day:yyyy-MM-dd} with algorithm {s.Version}");
    }

    /// <summary>The snapshot of a day (latest when null), with only the <paramref name="parts"/> an endpoint shows.</summary>
    public async Task<ScoreSnapshot?> TrySnapshotAsync(string person, DateOnly? day, CancellationToken cancellationToken, SnapshotParts parts = SnapshotParts.All)
    {
        var s = await state.GetAsync(cancellationToken);
        return await store.GetSnapshotAsync(person, day ?? s.Day, s.Version, parts, cancellationToken);
    }
}
