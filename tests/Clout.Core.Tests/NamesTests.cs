using Clout.Core.Domain;
using Clout.Core.Scoring;

namespace Clout.Core.Tests;

public class NamesTests
{
    [Theory]
    [InlineData("x", Network.X)]
    [InlineData("twitter", Network.X)]
    [InlineData("TW", Network.X)]
    [InlineData(" Bluesky ", Network.Bluesky)]
    [InlineData("youtube", Network.YouTube)]
    public void Network_names_and_Klout_aliases_parse(string text, Network expected)
    {
        NetworkNames.TryParse(text, out var network).ShouldBeTrue();
        network.ShouldBe(expected);
    }

    [Fact]
    public void Unknown_network_names_do_not_parse()
    {
        NetworkNames.TryParse("myspace", out _).ShouldBeFalse();
        NetworkNames.TryParse(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Account_keys_parse_network_and_id_with_colons_in_the_id()
    {
        AccountKey.TryParse("bluesky:did:plc:abc", out var key).ShouldBeTrue();
        key.ShouldBe(new AccountKey(Network.Bluesky, "did:plc:abc"));
        key.ToString().ShouldBe("bluesky:did:plc:abc");
        AccountKey.TryParse("nope:1", out _).ShouldBeFalse();
        AccountKey.TryParse("x:", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(1.0, "1-9")]
    [InlineData(9.99, "1-9")]
    [InlineData(10, "10-19")]
    [InlineData(63.2, "60-69")]
    [InlineData(89.99, "80-89")]
    [InlineData(90, "90-100")]
    [InlineData(100, "90-100")]
    public void Buckets_follow_Klout(double score, string bucket) => Buckets.Of(score).ShouldBe(bucket);

    [Fact]
    public void Day_numbers_round_trip_and_count_from_1970()
    {
        DayNumber.Of(new DateOnly(1970, 1, 2)).ShouldBe(1);
        DayNumber.ToDate(DayNumber.Of(new DateOnly(2026, 11, 1))).ShouldBe(new DateOnly(2026, 11, 1));
        DayNumber.Of(new DateTimeOffset(2026, 11, 1, 23, 59, 59, TimeSpan.Zero)).ShouldBe(DayNumber.Of(new DateOnly(2026, 11, 1)));
    }
}
