using Clout.Application.Endorsing;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Core.Storage;

namespace Clout.Cli.Tests.Topics;

public sealed class EndorsementLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(TempStore Temp, Dictionary<string, PersonInfo> People)> PeopleAsync(int count)
    {
        var temp = await TempStore.CreateAsync();
        var records = Enumerable.Range(0, count).Select(i => (ImportRecord)new AccountRecord(Network.X, "x" + i) { Person = "p" + i, Handle = "h" + i }).ToList();
        await temp.Store.ImportAsync(records, cancellationToken: Ct);
        var people = new Dictionary<string, PersonInfo>();
        for (var i = 0; i < count; i++)
        {
            people["p" + i] = (await temp.Store.GetPersonAsync("p" + i, Ct))!;
        }

        return (temp, people);
    }

    [Fact]
    public async Task Stores_an_endorse_action_between_accounts_on_a_shared_network()
    {
        var (temp, people) = await PeopleAsync(2);
        await using var _ = temp;
        var e = await new EndorsementService(temp.Store, new FixedTime(Now)).EndorseAsync(people["p0"], people["p1"], "rust", Ct);
        e.From.ShouldBe(new AccountKey(Network.X, "x0"));
        e.To.ShouldBe(new AccountKey(Network.X, "x1"));
        var seen = new List<string>();
        var sink = new Sink(seen);
        await temp.Store.ReadTopicWindowAsync(DateOnly.FromDateTime(Now.UtcDateTime), 1, sink, Ct);
        seen.ShouldBe(["endorse rust"]);
    }

    [Fact]
    public async Task Rejects_endorsing_oneself()
    {
        var (temp, people) = await PeopleAsync(1);
        await using var _ = temp;
        var error = await Should.ThrowAsync<EndorsementRejectedException>(() => new EndorsementService(temp.Store, new FixedTime(Now)).EndorseAsync(people["p0"], people["p0"], "rust", Ct));
        error.Reason.ShouldBe("self");
    }

    [Fact]
    public async Task Rejects_an_unknown_topic()
    {
        var (temp, people) = await PeopleAsync(2);
        await using var _ = temp;
        var error = await Should.ThrowAsync<EndorsementRejectedException>(() => new EndorsementService(temp.Store, new FixedTime(Now)).EndorseAsync(people["p0"], people["p1"], "rusty", Ct));
        error.Reason.ShouldBe("unknown_topic");
        error.Message.ShouldContain("rusty");
    }

    [Fact]
    public async Task Allows_the_same_endorsement_once_a_week()
    {
        var (temp, people) = await PeopleAsync(2);
        await using var _ = temp;
        var time = new FixedTime(Now);
        var service = new EndorsementService(temp.Store, time);
        await service.EndorseAsync(people["p0"], people["p1"], "rust", Ct);
        time.Now = Now.AddDays(3);
        (await Should.ThrowAsync<EndorsementRejectedException>(() => service.EndorseAsync(people["p0"], people["p1"], "rust", Ct))).Reason.ShouldBe("repeat");
        await service.EndorseAsync(people["p0"], people["p1"], "coffee", Ct);
        time.Now = Now.AddDays(8);
        await service.EndorseAsync(people["p0"], people["p1"], "rust", Ct);
    }

    [Fact]
    public async Task Limits_how_many_endorsements_one_person_gives_a_day()
    {
        var (temp, people) = await PeopleAsync(5);
        await using var _ = temp;
        var time = new FixedTime(Now);
        var service = new EndorsementService(temp.Store, time) { Limits = new EndorsementLimits { PerDay = 3 } };
        await service.EndorseAsync(people["p0"], people["p1"], "rust", Ct);
        await service.EndorseAsync(people["p0"], people["p2"], "rust", Ct);
        await service.EndorseAsync(people["p0"], people["p3"], "rust", Ct);
        (await Should.ThrowAsync<EndorsementRejectedException>(() => service.EndorseAsync(people["p0"], people["p4"], "rust", Ct))).Reason.ShouldBe("daily_limit");
        await service.EndorseAsync(people["p1"], people["p4"], "rust", Ct);
        time.Now = Now.AddDays(1);
        await service.EndorseAsync(people["p0"], people["p4"], "rust", Ct);
    }

    private sealed class Sink(List<string> seen) : ITopicSink
    {
        public bool WantsPosts => false;

        public void Account(long account, Network network, string sourceId, string person, string? bio)
        {
        }

        public void Post(long author, string sourceId, PostKind kind, int day, string? text, ReadOnlySpan<int> reactions)
        {
        }

        public void Attribution(long actor, long target, ActionKind kind, string label, int day) => seen.Add($"{kind.Name()} {label}");
    }
}
