using Clout.Importers.Bluesky.Car;

namespace Clout.Importers.Tests.Bluesky;

public class UnsignedVarintTests
{
    [Theory]
    [InlineData(new byte[] { 0x00 }, 0UL)]
    [InlineData(new byte[] { 0x7f }, 127UL)]
    [InlineData(new byte[] { 0x80, 0x01 }, 128UL)]
    [InlineData(new byte[] { 0xe0, 0x01 }, 224UL)]
    [InlineData(new byte[] { 0xff, 0xff, 0x03 }, 65535UL)]
    public void Reads_multiformats_varints(byte[] bytes, ulong expected)
    {
        var position = 0;
        UnsignedVarint.Read(bytes, ref position).ShouldBe(expected);
        position.ShouldBe(bytes.Length);
    }

    [Fact]
    public void Round_trips_large_values()
    {
        foreach (var value in new ulong[] { 1, 300, 1UL << 35, (1UL << 63) - 1 })
        {
            var bytes = new List<byte>();
            UnsignedVarint.Write(value, bytes);
            var position = 0;
            UnsignedVarint.Read(bytes.ToArray(), ref position).ShouldBe(value);
        }
    }

    [Fact]
    public void Rejects_a_varint_longer_than_nine_bytes()
    {
        var position = 0;
        Should.Throw<FormatException>(() => UnsignedVarint.Read(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 }, ref position))
            .Message.ShouldContain("longer than 9 bytes");
    }

    [Fact]
    public void Rejects_a_non_minimal_varint()
    {
        var position = 0;
        Should.Throw<FormatException>(() => UnsignedVarint.Read(new byte[] { 0x81, 0x00 }, ref position)).Message.ShouldContain("minimally");
    }

    [Fact]
    public void Rejects_a_varint_cut_short()
    {
        var position = 0;
        Should.Throw<FormatException>(() => UnsignedVarint.Read(new byte[] { 0x80, 0x80 }, ref position)).Message.ShouldContain("ends inside");
    }

    [Fact]
    public void Reports_a_clean_end_of_stream_and_a_cut_inside_a_varint_differently()
    {
        UnsignedVarint.TryRead(new MemoryStream([]), out _, out _).ShouldBeFalse();
        Should.Throw<EndOfStreamException>(() => UnsignedVarint.TryRead(new MemoryStream([0x80]), out _, out _));
    }
}
