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
    public void Network_parts_round_trip_through_the_codec()
    {
        IReadOnlyList<NetworkPart> parts = [new NetworkPart(Network.Mastodon, "a@b.c", "a", 10, 4, 3, 2, 1)];
        SnapshotCodec.DecodeNetworks(SnapshotCodec.EncodeNetworks(parts)).ShouldBe(parts);
    }
}
