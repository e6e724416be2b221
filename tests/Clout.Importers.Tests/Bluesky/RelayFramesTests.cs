using System.Diagnostics;
using Clout.Importers.Bluesky.Car;
using Clout.Tests;

namespace Clout.Importers.Tests.Bluesky;

/// <summary>
/// The decoder against real relay frames: 150 firehose frames, each a DAG-CBOR header and body, 148 of them
/// commits carrying a CAR slice. The capture is zstd-compressed; .NET has no zstd decoder, so this test uses the
/// zstd command when the machine has it (the importers never do) and skips otherwise.
/// </summary>
public class RelayFramesTests
{
    [Fact]
    public void Decodes_every_real_relay_frame_and_verifies_every_block_of_their_cars()
    {
        var bytes = Decompress(SharedData.Require("fixtures/bluesky/jetstream-corpus/frames.bin.zst"));
        int frames = 0, cars = 0, blocks = 0;
        var position = 0;
        while (position < bytes.Length)
        {
            var length = BitConverter.ToInt32(bytes, position);
            var frame = bytes.AsSpan(position + 4, length);
            position += 4 + length;
            frames++;

            var offset = 0;
            var header = DagCborReader.DecodePrefix(frame, ref offset);
            header["op"]!.Integer.ShouldBe(1);
            var body = DagCborReader.Decode(frame[offset..]);
            if (header["t"]!.Text != "#commit")
            {
                continue;
            }

            var reader = new CarReader(new MemoryStream(body["blocks"]!.Bytes!));
            reader.ReadHeader().Roots.ShouldBe([body["commit"]!.Link]);
            cars++;
            while (reader.TryReadBlock(out var block))
            {
                block.HashMatches.ShouldBeTrue();
                DagCborReader.Decode(block.Data.Span);
                blocks++;
            }
        }

        frames.ShouldBe(150);
        cars.ShouldBe(148);
        blocks.ShouldBe(1549);
    }

    private static byte[] Decompress(string path)
    {
        var start = new ProcessStartInfo("zstd", ["-d", "-q", "-c", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process? process = null;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }

        if (process is null)
        {
            Assert.Skip("the zstd command is not installed; it is needed only to unpack this test's fixture");
        }

        using (process)
        {
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            process.ExitCode.ShouldBe(0);
            return output.ToArray();
        }
    }
}
