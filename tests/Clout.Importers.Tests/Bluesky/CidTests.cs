using System.Text;
using Clout.Importers.Bluesky.Car;

namespace Clout.Importers.Tests.Bluesky;

public class CidTests
{
    [Fact]
    public void Parses_and_prints_a_dag_cbor_cid_in_base32()
    {
        const string text = "bafyreia3zwwmogntyn7zhsr6kyzvelma2l77axbldfja6jwcqbjq5e5tj4";
        Cid.TryParse(text, out var cid).ShouldBeTrue();
        cid.Codec.ShouldBe(Cid.DagCborCodec);
        cid.Digest.Length.ShouldBe(32);
        cid.ToString().ShouldBe(text);
        var position = 0;
        Cid.Read(cid.ToBytes(), ref position).ShouldBe(cid);
    }

    [Fact]
    public void Computes_the_cid_of_a_block_and_checks_it()
    {
        var block = Cbor.Map(("a", Cbor.Int(1)));
        var cid = Cid.Compute(block);
        cid.Matches(block).ShouldBeTrue();
        cid.Matches([.. block, 0]).ShouldBeFalse();
    }

    [Fact]
    public void Accepts_raw_blob_cids()
    {
        Cid.TryParse("bafkreibpjlal3phb4p7di3xyhmffvrazdnnw56cl4iqk74x637crmyyaxe", out var cid).ShouldBeTrue();
        cid.Codec.ShouldBe(Cid.RawCodec);
    }

    [Fact]
    public void Rejects_a_cidv0_clearly()
    {
        var position = 0;
        byte[] v0 = [0x12, 0x20, .. new byte[32]];
        Should.Throw<FormatException>(() => Cid.Read(v0, ref position)).Message.ShouldContain("CIDv0");
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0x71, 0x12, 0x20 }, "version 2")]
    [InlineData(new byte[] { 0x01, 0x70, 0x12, 0x20 }, "codec 0x70")]
    [InlineData(new byte[] { 0x01, 0x71, 0x13, 0x20 }, "multihash 0x13")]
    [InlineData(new byte[] { 0x01, 0x71, 0x12, 0x10 }, "digest length is 16")]
    public void Rejects_cids_atproto_does_not_write(byte[] head, string message)
    {
        var position = 0;
        Should.Throw<FormatException>(() => Cid.Read([.. head, .. new byte[32]], ref position)).Message.ShouldContain(message);
    }

    [Fact]
    public void Rejects_a_truncated_digest()
    {
        var position = 0;
        Should.Throw<FormatException>(() => Cid.Read([0x01, 0x71, 0x12, 0x20, .. new byte[31]], ref position)).Message.ShouldContain("ends inside");
    }

    [Fact]
    public void Does_not_parse_text_that_is_not_a_base32_cid()
    {
        Cid.TryParse("Qmfoo", out _).ShouldBeFalse();
        Cid.TryParse("b" + Encoding.ASCII.GetString(new byte[] { 0x31, 0x31 }), out _).ShouldBeFalse();
        Cid.TryParse(null, out _).ShouldBeFalse();
    }
}
