using Clout.Core.Domain;
using Clout.Core.Records;

namespace Clout.Storage.Tests.Contract;

/// <summary>
/// Small hand-written records around one day <see cref="D"/>: three accounts, posts, actions inside and just outside a
/// 90-day window (two by accounts without a record), and metrics before and after the day.
/// </summary>
public static class ContractData
{
    public static readonly DateOnly D = new(2024, 3, 10);

    public static readonly AccountKey Alice = new(Network.X, "alice");
    public static readonly AccountKey Bob = new(Network.X, "bob");
    public static readonly AccountKey Carol = new(Network.Mastodon, "carol@m.social");
    public static readonly AccountKey Dave = new(Network.X, "dave");
    public static readonly AccountKey Eve = new(Network.X, "eve");

    public static DateTimeOffset At(int dayOffset, int hour = 12) =>
        new DateTimeOffset(D.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(dayOffset).AddHours(hour);

    public static AccountRecord AliceRecord { get; } = new(Network.X, "alice")
    {
        Handle = "alice",
        Name = "Alice Archer",
        Created = new DateTimeOffset(2020, 1, 1, 8, 30, 0, TimeSpan.Zero),
        Bio = "writes about rust",
        Url = "https://example.org/alice",
        Labels = ["genuine"],
        Raw = "{\"extra\":1}",
    };

    public static IReadOnlyList<ImportRecord> Records() =>
    [
        AliceRecord,
        new AccountRecord(Network.X, "bob") { Handle = "bob", Name = "Bob Baker" },
        new AccountRecord(Network.Mastodon, "carol@m.social") { Handle = "carol", Name = "Carol Cho" },
        new PostRecord(Network.X, "p1", "alice", At(-1), PostKind.Post) { Text = "hello\tworld\nline two \\ 'quoted'", Url = "https://x.example/p1" },
        new PostRecord(Network.X, "p2", "alice", At(0), PostKind.Reply) { Parent = "p0" },
        new PostRecord(Network.Mastodon, "c1", "carol@m.social", At(0, 23), PostKind.Post),
        new ActionRecord(Network.X, "a1", ActionKind.Reshare, "bob", "alice", At(-1)) { Post = "p1" },
        new ActionRecord(Network.X, "a2", ActionKind.Like, "bob", "alice", At(-1, 13)) { Post = "p1" },
        new ActionRecord(Network.X, "a3", ActionKind.Like, "bob", "alice", At(0, 0)) { Post = "p2" },
        new ActionRecord(Network.X, "a4", ActionKind.Reply, "dave", "alice", At(0, 23)) { Post = "p1" },
        new ActionRecord(Network.X, "a5", ActionKind.Like, "eve", "bob", At(-95)),
        new ActionRecord(Network.X, "a6", ActionKind.Like, "bob", "alice", At(-89, 0)),
        new ActionRecord(Network.X, "a7", ActionKind.Like, "bob", "alice", At(1, 0)),
        new ActionRecord(Network.X, "a8", ActionKind.Like, "bob", "alice", At(-90, 23)),
        new ActionRecord(Network.X, "a9", ActionKind.Like, "bob", "alice", At(0, 18)) { Post = "p2" },
        new MetricsRecord(Network.X, "alice", D.AddDays(-5)) { Followers = 100, Received = new Dictionary<ActionKind, long> { [ActionKind.Like] = 5 } },
        new MetricsRecord(Network.X, "alice", D.AddDays(-2))
        {
            Days = 30,
            Followers = 120,
            Following = 7,
            Lists = 2,
            Posts = 40,
            Received = new Dictionary<ActionKind, long> { [ActionKind.Reshare] = 7, [ActionKind.Like] = 11 },
            Sent = new Dictionary<ActionKind, long> { [ActionKind.Reply] = 3 },
        },
        new MetricsRecord(Network.X, "alice", D.AddDays(3)) { Followers = 999 },
    ];
}
