using Clout.Importers.Bluesky.Car;

namespace Clout.Importers.Tests.Bluesky;

public class DagCborReaderTests
{
    [Fact]
    public void Decodes_every_kind_of_the_data_model()
    {
        var cid = Cid.Compute([1, 2, 3]);
        var bytes = Cbor.Map(
            ("i", Cbor.Int(500)),
            ("n", Cbor.Int(-1_000_000)),
            ("t", Cbor.Text("héllo")),
            ("b", Cbor.Bytes([9, 8])),
            ("l", Cbor.Link(cid)),
            ("a", Cbor.List(Cbor.Null, [0xf5], [0xf4])),
            ("f", [0xfb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]));
        var value = DagCborReader.Decode(bytes);

        value.Kind.ShouldBe(DagCborKind.Map);
        value["i"]!.Integer.ShouldBe(500);
        value["n"]!.Integer.ShouldBe(-1_000_000);
        value["t"]!.Text.ShouldBe("héllo");
        value["b"]!.Bytes.ShouldBe(new byte[] { 9, 8 });
        value["l"]!.Link.ShouldBe(cid);
        value["a"]!.Items.Select(i => i.Kind).ShouldBe([DagCborKind.Null, DagCborKind.Boolean, DagCborKind.Boolean]);
        value["a"]!.Items[1].Boolean.ShouldBeTrue();
        value["f"]!.Float.ShouldBe(1.5);
        value["missing"].ShouldBeNull();
    }

    [Fact]
    public void Writes_links_and_bytes_in_the_atproto_json_form()
    {
        var cid = Cid.Compute([1]);
        var json = DagCborJson.ToJson(DagCborReader.Decode(Cbor.Map(("b", Cbor.Bytes([0xff, 0xfe])), ("l", Cbor.Link(cid)))));
        json.ShouldBe($"{{\"b\":{{\"$bytes\":\"//4\"}},\"l\":{{\"$link\":\"{cid}\"}}}}");
    }

    [Theory]
    [InlineData(new byte[] { 0x9f, 0xff }, "definite lengths only")]
    [InlineData(new byte[] { 0xbf, 0xff }, "definite lengths only")]
    [InlineData(new byte[] { 0x18, 0x05 }, "shortest")]
    [InlineData(new byte[] { 0x19, 0x00, 0x30 }, "shortest")]
    [InlineData(new byte[] { 0xf9, 0x3c, 0x00 }, "only 64-bit floats")]
    [InlineData(new byte[] { 0xfa, 0x3f, 0x80, 0x00, 0x00 }, "only 64-bit floats")]
    [InlineData(new byte[] { 0xfb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0 }, "NaN")]
    [InlineData(new byte[] { 0xf7 }, "simple value 23")]
    [InlineData(new byte[] { 0xc1, 0x00 }, "tag 1")]
    [InlineData(new byte[] { 0xa1, 0x01, 0x02 }, "must be text strings")]
    [InlineData(new byte[] { 0x62, 0xc3, 0x28 }, "UTF-8")]
    [InlineData(new byte[] { 0x01, 0x02 }, "unexpected bytes after")]
    [InlineData(new byte[] { 0x65, 0x61 }, "runs past the end")]
    [InlineData(new byte[] { 0x9a, 0x7f, 0xff, 0xff, 0xff }, "claims")]
    [InlineData(new byte[] { 0x1b, 0x80, 0, 0, 0, 0, 0, 0, 0 }, "64-bit signed range")]
    [InlineData(new byte[] { 0xd8, 0x2a, 0x41, 0x01 }, "0x00")]
    [InlineData(new byte[] { 0x1c }, "reserved")]
    public void Rejects_what_strict_dag_cbor_forbids(byte[] bytes, string message)
    {
        Should.Throw<DagCborException>(() => DagCborReader.Decode(bytes)).Message.ShouldContain(message);
    }

    [Fact]
    public void Rejects_map_keys_out_of_canonical_order_and_duplicates()
    {
        // "bb" before "a": longer key first breaks the length-first order.
        byte[] unordered = [0xa2, .. Cbor.Text("bb"), 0x01, .. Cbor.Text("a"), 0x02];
        Should.Throw<DagCborException>(() => DagCborReader.Decode(unordered)).Message.ShouldContain("out of order");

        byte[] duplicate = [0xa2, .. Cbor.Text("a"), 0x01, .. Cbor.Text("a"), 0x02];
        var e = Should.Throw<DagCborException>(() => DagCborReader.Decode(duplicate));
        e.Message.ShouldContain("duplicate map key 'a'");
        e.Offset.ShouldBe(4);
    }

    [Fact]
    public void Refuses_nesting_beyond_the_depth_limit()
    {
        var bytes = Enumerable.Repeat((byte)0x81, 200).Append((byte)0x00).ToArray();
        Should.Throw<DagCborException>(() => DagCborReader.Decode(bytes)).Message.ShouldContain("nested deeper");
        DagCborReader.Decode(bytes, maxDepth: 300).Kind.ShouldBe(DagCborKind.List);
    }

    [Fact]
    public void Names_the_offset_of_the_bad_byte()
    {
        byte[] bytes = [0x82, 0x01, 0xf7];
        Should.Throw<DagCborException>(() => DagCborReader.Decode(bytes)).Offset.ShouldBe(2);
    }

    [Fact]
    public void Survives_random_bytes_without_crashing()
    {
        var random = new Random(42);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(1, 40)];
            random.NextBytes(bytes);
            try
            {
                DagCborReader.Decode(bytes);
            }
            catch (DagCborException)
            {
            }
        }
    }
}
