using Clout.Application.Scoring;
using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Core.Storage;
using Clout.Engine.Explaining;
using Clout.Engine.Model;

namespace Clout.Application.Explaining;

/// <summary>Reads a person's explanation for a day, with moments, and explains changes between two days.</summary>
public sealed class ExplainService(ICloutStore store)
{
    private const int MomentsShown = 5;

    public async Task<PersonReport> ExplainAsync(string personText, DateOnly? day, string? version = null, CancellationToken cancellationToken = default)
    {
        var person = await PersonResolver.ResolveAsync(store, personText, cancellationToken);
        version ??= await Versions.PublishedAsync(store, cancellationToken);
        var snapshot = await store.GetSnapshotAsync(person.Person, day, version, cancellationToken)
            ?? throw new KeyNotFoundException(day is null
                ? $"{person.Person} has no score yet with algorithm {version}; run clout score"
                : $"{person.Person} has no score on {day:yyyy-MM-dd} with algorithm {version}");
        var moments = await MomentsAsync(person, snapshot, cancellationToken);
        return new PersonReport(person, snapshot, moments);
    }

    public async Task<ScoreChanges> ChangesAsync(string personText, DateOnly from, DateOnly to, string? version = null, CancellationToken cancellationToken = default)
    {
        var person = await PersonResolver.ResolveAsync(store, personText, cancellationToken);
        version ??= await Versions.PublishedAsync(store, cancellationToken);
        var before = await store.GetSnapshotAsync(person.Person, from, version, cancellationToken)
            ?? throw new KeyNotFoundException($"{person.Person} has no score on {from:yyyy-MM-dd} with algorithm {version}");
        var after = await store.GetSnapshotAsync(person.Person, to, version, cancellationToken)
            ?? throw new KeyNotFoundException($"{person.Person} has no score on {to:yyyy-MM-dd} with algorithm {version}");
        return ChangeExplainer.Explain(before, after);
    }

    private async Task<IReadOnlyList<Moment>> MomentsAsync(PersonInfo person, ScoreSnapshot snapshot, CancellationToken cancellationToken)
    {
        var model = Algorithms.Find(snapshot.Version) ?? Algorithms.Default;
        var from = snapshot.Day.AddDays(1 - model.WindowDays);
        var rows = await store.GetPostEngagementAsync(person.Accounts.Select(a => a.Key).ToList(), from, snapshot.Day, snapshot.Day, snapshot.Version, cancellationToken);
        var day = DayNumber.Of(snapshot.Day);
        var moments = new Dictionary<(Network, string), (PostEngagement First, double Weight, Dictionary<string, long> Reactions)>();
        foreach (var row in rows)
        {
            var age = row.Time is { } t ? day - DayNumber.Of(t) : 0;
            var weight = model.KindWeight(row.Kind) * row.QualitySum * model.Decay(Math.Clamp(age, 0, model.WindowDays - 1));
            var key = (row.Network, row.PostId);
            if (!moments.TryGetValue(key, out var entry))
            {
                entry = (row, 0.0, new Dictionary<string, long>());
            }

            entry.Reactions[row.Kind.Name()] = entry.Reactions.GetValueOrDefault(row.Kind.Name()) + row.Count;
            moments[key] = (entry.First, entry.Weight + weight, entry.Reactions);
        }

        return moments.Values
            .Where(m => m.Weight > 0)
            .OrderByDescending(m => m.Weight)
            .ThenBy(m => m.First.PostId, StringComparer.Ordinal)
            .Take(MomentsShown)
            .Select(m => new Moment(m.First.Network, m.First.PostId, m.First.Author, m.First.Text, m.First.Url, m.First.Time, m.Weight, m.Reactions))
            .ToList();
    }
}
