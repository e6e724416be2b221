using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Core.Storage;
using Clout.Engine.Topics;

namespace Clout.Application.Endorsing;

/// <summary>
/// Endorsements (+K): one person vouches for another on a topic. Checked against the limits (no self-endorsement,
/// a known topic, a daily budget per endorser, no repeat for the same person and topic within a week) and stored
/// as an <see cref="ActionKind.Endorse"/> action through the normal import path. Low-quality endorsers are
/// discounted later, when topics are assigned, by their actor quality.
/// </summary>
public sealed class EndorsementService(ICloutStore store, TimeProvider time)
{
    public EndorsementLimits Limits { get; init; } = EndorsementLimits.Default;

    public TopicTaxonomy Taxonomy { get; init; } = TopicTaxonomy.Default;

    public async Task<Endorsement> EndorseAsync(PersonInfo by, PersonInfo person, string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(topic);
        var slug = topic.Trim().ToLowerInvariant();
        if (!Taxonomy.TryGetIndex(slug, out var index))
        {
            throw new EndorsementRejectedException("unknown_topic", $"--topic '{topic}' is not a known topic; expected a slug of the taxonomy (see docs/topics.md)");
        }

        if (by.Person == person.Person)
        {
            throw new EndorsementRejectedException("self", $"{by.Person} cannot endorse themselves");
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var recent = new RecentEndorsements();
        await store.ReadTopicWindowAsync(today, Limits.RepeatDays, recent, cancellationToken);
        var todayNumber = DayNumber.Of(today);
        var given = 0;
        foreach (var e in recent.Items)
        {
            if (e.By != by.Person)
            {
                continue;
            }

            if (e.Person == person.Person && e.Topic == slug)
            {
                throw new EndorsementRejectedException("repeat", $"{by.Person} already endorsed {person.Person} for {slug} on {DayNumber.ToDate(e.Day):yyyy-MM-dd}; once per {Limits.RepeatDays} days");
            }

            if (e.Day == todayNumber)
            {
                given++;
            }
        }

        if (given >= Limits.PerDay)
        {
            throw new EndorsementRejectedException("daily_limit", $"{by.Person} has given {given} endorsements today; the limit is {Limits.PerDay} per day");
        }

        var (from, to, accounts) = Accounts(by, person);
        var id = string.Create(CultureInfo.InvariantCulture, $"endorse:{from.Id}:{to.Id}:{slug}:{today:yyyy-MM-dd}");
        var records = new List<ImportRecord>(accounts)
        {
            new ActionRecord(from.Network, id, ActionKind.Endorse, from.Id, to.Id, now) { Topic = Taxonomy[index].Slug },
        };
        await store.ImportAsync(records, cancellationToken: cancellationToken);
        return new Endorsement(by.Person, person.Person, slug, now, from, to, id);
    }

    /// <summary>
    /// The accounts the action links: the two people's accounts on a network they share (the first in network
    /// order), else a Clout account of each person (network "generic", id "person:KEY"), created and linked here.
    /// </summary>
    private static (AccountKey From, AccountKey To, List<ImportRecord> Accounts) Accounts(PersonInfo by, PersonInfo person)
    {
        foreach (var a in by.Accounts.OrderBy(a => a.Network).ThenBy(a => a.Id, StringComparer.Ordinal))
        {
            var shared = person.Accounts.Where(b => b.Network == a.Network).OrderBy(b => b.Id, StringComparer.Ordinal).FirstOrDefault();
            if (shared is not null)
            {
                return (a.Key, shared.Key, []);
            }
        }

        var from = new AccountKey(Network.Generic, "person:" + by.Person);
        var to = new AccountKey(Network.Generic, "person:" + person.Person);
        return (from, to,
        [
            new AccountRecord(Network.Generic, from.Id) { Person = by.Person, Name = by.Name },
            new AccountRecord(Network.Generic, to.Id) { Person = person.Person, Name = person.Name },
        ]);
    }
}
