using Clout.Core.Domain;
using Clout.Core.Scoring;

namespace Clout.Core.Tests;

public class SnapshotCodecTests
{
    [Fact]
    public void Explanations_round_trip_through_the_codec()
    {
        var explanation = new Explanation
        {
            Contributions = [new Contribution("base", 1, "base", null, null, "base", 1), new Contribution("@a on x: likes", 2.5, "reach", Network.X, "12", "reach.likes", 3.25)],
            Discounted = [new DiscountedSignal("fresh_account", 10, 9.5, 4, "from new accounts")],
            Flags = ["likely bought"],
            Influencers = [new Engager("p1", Network.X, "34", "bob", 1.5, 0.9)],
            Totals = new Dictionary<string, double> { ["posts"] = 3 },
        };

        var decoded = SnapshotCodec.DecodeExplanation(SnapshotCodec.EncodeExplanation(explanation));

        decoded.Contributions.ShouldBe(explanation.Contributions);
        decoded.Discounted.ShouldBe(explanation.Discounted);
        decoded.Flags.ShouldBe(explanation.Flags);
        decoded.Influencers.ShouldBe(explanation.Influencers);
        decoded.Totals["posts"].ShouldBe(3);
    }

    [Fact]
    public void Encoding_through_the_per_thread_buffers_gives_the_bytes_of_the_reference_encoding()
    {
        // Sizes from one contribution to JSON larger than the buffers start with (they grow), names that JSON escapes,
        // and every part, encoded from several threads at once.
        static Explanation Sized(int n) => new()
        {
            Contributions = [.. Enumerable.Range(0, n).Select(i => new Contribution($"@zoë{i} \"<b>\" on x: 🚀 replies", i * 0.37, "reach", i % 2 == 0 ? Network.X : null, $"{i}", "reach.replies", i / 3.0))],
            Flags = n % 2 == 0 ? [] : ["likely bought"],
            Influencers = [.. Enumerable.Range(0, Math.Min(n, 40)).Select(i => new Engager($"p{i}", Network.Bluesky, $"did:plc:{i}", null, i * 1.5, 0.25))],
        };

        var explanations = new[] { 0, 1, 7, 50, 400, 3000 }.Select(Sized).ToArray();
        IReadOnlyList<NetworkPart> parts = [new NetworkPart(Network.Mastodon, "a@b.c", "ä", 10, 4, 3, 2, 1), new NetworkPart(Network.X, "1", null, 0, 0, 0, 0, 0)];
        IReadOnlyList<TopicScore> topics = [new TopicScore("rust", "Rust", 34.5) { Weight = 2.5, Posts = 3 }];

        Parallel.For(0, 64, i =>
        {
            var e = explanations[i % explanations.Length];
            SnapshotCodec.EncodeExplanation(e).ShouldBe(SnapshotCodec.EncodeByArrays(e));
            SnapshotCodec.EncodeNetworks(parts).ShouldBe(SnapshotCodec.EncodeByArrays(parts));
            SnapshotCodec.EncodeTopics(topics).ShouldBe(SnapshotCodec.EncodeByArrays(topics));
        });
        SnapshotCodec.DecodeExplanation(SnapshotCodec.EncodeExplanation(explanations[^1])).Contributions.Count.ShouldBe(3000);
    }

    [Fact]
    public void Network_parts_round_trip_through_the_codec()
    {
        IReadOnlyList<NetworkPart> parts = [new NetworkPart(Network.Mastodon, "a@b.c", "a", 10, 4, 3, 2, 1)];
        SnapshotCodec.DecodeNetworks(SnapshotCodec.EncodeNetworks(parts)).ShouldBe(parts);
    }
}
