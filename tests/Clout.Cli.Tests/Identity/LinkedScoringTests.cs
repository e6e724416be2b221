using Clout.Application.Identity;
using Clout.Application.Scoring;
using Clout.Cli.Tests.Topics;
using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Engine.Model;
using Clout.Generator;

namespace Clout.Cli.Tests.Identity;

/// <summary>A person's score uses all of their linked accounts, and unlinking separates them again (issue 5, part 2).</summary>
public sealed class LinkedScoringTests
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Linking_an_account_of_another_network_adds_it_to_the_persons_score_and_unlinking_takes_it_out()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.ImportAsync(new PopulationGenerator(new GeneratorOptions { People = 300, Seed = 11, End = Day }).Generate(), cancellationToken: Ct);
        var scoring = new ScoringService(temp.Store, TimeProvider.System);
        await scoring.ScoreDayAsync(Day, Algorithms.Default, shadow: false, cancellationToken: Ct);

        // Two people with scored accounts, the second with an account on a network the first does not use.
        var snapshots = new List<ScoreSnapshot>();
        foreach (var entry in await temp.Store.GetLeaderboardAsync(Day, Algorithms.Default.Version, null, 0, 300, Ct))
        {
            snapshots.Add((await temp.Store.GetSnapshotAsync(entry.Person, Day, Algorithms.Default.Version, Ct))!);
        }

        var (person, account, owner) = Pick(snapshots);
        var before = snapshots.Single(s => s.Person == person);
        var ownerBefore = snapshots.Single(s => s.Person == owner);
        var identity = new IdentityService(temp.Store);

        await identity.LinkAsync(person, account.ToString(), Ct);
        await scoring.ScoreDayAsync(Day, Algorithms.Default, shadow: false, cancellationToken: Ct);

        var linked = (await temp.Store.GetSnapshotAsync(person, Day, Algorithms.Default.Version, Ct)).ShouldNotBeNull();
        linked.Networks.Select(n => (n.Network, n.Account)).ShouldContain((account.Network, account.Id));
        foreach (var part in before.Networks)
        {
            linked.Networks.Select(n => (n.Network, n.Account)).ShouldContain((part.Network, part.Account));
        }

        linked.Networks.Single(n => n.Network == account.Network && n.Account == account.Id).Points.ShouldBeGreaterThan(0);
        linked.Score.ShouldBeGreaterThanOrEqualTo(before.Score); // linking never lowers a score
        linked.Explanation.Contributions.Where(c => c.Network == account.Network && c.Account == account.Id).Sum(c => c.Points).ShouldBeGreaterThan(0);
        var ownerLinked = await temp.Store.GetSnapshotAsync(owner, Day, Algorithms.Default.Version, Ct);
        if (ownerLinked is not null)
        {
            ownerLinked.Networks.ShouldNotContain(n => n.Network == account.Network && n.Account == account.Id);
        }

        await identity.UnlinkAsync(account.ToString(), Ct);
        await scoring.ScoreDayAsync(Day, Algorithms.Default, shadow: false, cancellationToken: Ct);

        var separated = (await temp.Store.GetSnapshotAsync(person, Day, Algorithms.Default.Version, Ct)).ShouldNotBeNull();
        separated.Networks.ShouldNotContain(n => n.Network == account.Network && n.Account == account.Id);
        separated.Score.ShouldBe(before.Score, 1e-9);
        var alone = (await temp.Store.GetSnapshotAsync(account.ToString(), Day, Algorithms.Default.Version, Ct)).ShouldNotBeNull();
        alone.Networks.ShouldHaveSingleItem().Account.ShouldBe(account.Id);
        ownerBefore.Networks.ShouldContain(n => n.Network == account.Network && n.Account == account.Id);
    }

    private static (string Person, AccountKey Account, string Owner) Pick(IReadOnlyList<ScoreSnapshot> snapshots)
    {
        foreach (var a in snapshots)
        {
            foreach (var b in snapshots)
            {
                if (a.Person == b.Person || a.Networks.Count == 0)
                {
                    continue;
                }

                var other = b.Networks.FirstOrDefault(n => n.Points > 1 && a.Networks.All(x => x.Network != n.Network));
                if (other is not null)
                {
                    return (a.Person, new AccountKey(other.Network, other.Account), b.Person);
                }
            }
        }

        throw new InvalidOperationException("the generated population has no two people to link");
    }
}
