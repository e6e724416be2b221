using System.Text.Json;
using Clout.Importers.Bluesky.Car;
using Clout.Tests;

namespace Clout.Importers.Tests.Bluesky;

public class CarReaderTests
{
    private const string Corpus = "fixtures/bluesky/jetstream-corpus";

    [Fact]
    public void Walks_the_repo_car_to_exactly_the_records_goat_lists()
    {
        var expected = File.ReadAllLines(SharedData.Require($"{Corpus}/car_expected_records.tsv"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1]))
            .ToArray();
        var (commit, blocks) = Load(SharedData.Require($"{Corpus}/repo.car"));
        var problems = new List<MstProblem>();

        var leaves = MstWalker.Walk(commit.Data, c => blocks.TryGetValue(c, out var b) ? DagCborReader.Decode(b.Data.Span) : null, problems.Add);

        problems.ShouldBeEmpty();
        leaves.Select(l => (l.Key, l.Value.ToString())).ShouldBe(expected);
        expected.Length.ShouldBe(23);
    }

    [Fact]
    public void Reads_the_commit_goat_inspects()
    {
        var lines = File.ReadAllLines(SharedData.Require($"{Corpus}/car_expected_commit.txt"))
            .Select(l => l.Split(": ", 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);
        var (commit, _) = Load(SharedData.Require($"{Corpus}/repo.car"));

        commit.Did.ShouldBe(lines["DID"]);
        commit.Data.ToString().ShouldBe(lines["Data CID"]);
        commit.Rev.ShouldBe(lines["Revision"]);
        commit.Version.ShouldBe(long.Parse(lines["ATProto Repo Spec Version"], System.Globalization.CultureInfo.InvariantCulture));
        commit.Prev.ShouldBeNull();
        commit.Sig.Length.ShouldBe(64);
    }

    [Theory]
    [InlineData("fixtures/bluesky/jetstream-corpus/repo.car", 29)]
    [InlineData("fixtures/bluesky/indigo-testdata/greenground.repo.car", 4)]
    [InlineData("fixtures/bluesky/indigo-testdata/paul_staging.repo.car", 458)]
    [InlineData("fixtures/bluesky/indigo-testdata/bnewbold.robocracy.org.20250310005405.car", 56)]
    public void Every_block_of_the_fixture_cars_hashes_to_its_cid(string relative, int expectedBlocks)
    {
        using var stream = File.OpenRead(SharedData.Require(relative));
        var reader = new CarReader(stream);
        reader.ReadHeader().Roots.Count.ShouldBe(1);
        var count = 0;
        while (reader.TryReadBlock(out var block))
        {
            block.HashMatches.ShouldBeTrue($"block {block.Cid} at {block.Offset}");
            count++;
        }

        reader.Position.ShouldBe(stream.Length);
        count.ShouldBe(expectedBlocks);
    }

    [Theory]
    [InlineData("firehose_commit_4621317030.json")]
    [InlineData("firehose_commit_4621317332.json")]
    [InlineData("firehose_commit_4621332152.json")]
    [InlineData("firehose_commit_4623075231.json")]
    public void Reads_the_car_slices_of_firehose_commits_and_finds_each_op_record(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Require($"fixtures/bluesky/indigo-testdata/{name}")));
        var root = doc.RootElement;
        var text = root.GetProperty("blocks").GetProperty("$bytes").GetString()!;
        var car = Convert.FromBase64String(text.PadRight((text.Length + 3) / 4 * 4, '='));
        var reader = new CarReader(new MemoryStream(car));
        var header = reader.ReadHeader();
        var blocks = new Dictionary<Cid, CarBlock>();
        while (reader.TryReadBlock(out var block))
        {
            block.HashMatches.ShouldBeTrue();
            blocks[block.Cid] = block;
        }

        header.Roots.Single().ToString().ShouldBe(root.GetProperty("commit").GetProperty("$link").GetString());
        var commit = RepoCommit.FromValue(DagCborReader.Decode(blocks[header.Roots[0]].Data.Span));
        commit.Did.ShouldBe(root.GetProperty("repo").GetString());
        commit.Rev.ShouldBe(root.GetProperty("rev").GetString());
        foreach (var op in root.GetProperty("ops").EnumerateArray())
        {
            if (op.GetProperty("cid").ValueKind == JsonValueKind.Object)
            {
                Cid.TryParse(op.GetProperty("cid").GetProperty("$link").GetString(), out var cid).ShouldBeTrue();
                blocks.ShouldContainKey(cid);
                DagCborReader.Decode(blocks[cid].Data.Span)["$type"]!.Text.ShouldBe(op.GetProperty("path").GetString()!.Split('/')[0]);
            }
        }
    }

    [Fact]
    public void Reads_a_hand_built_car_and_flags_a_block_whose_bytes_do_not_match_its_cid()
    {
        byte[] a = Cbor.Map(("x", Cbor.Int(1)));
        byte[] b = Cbor.Map(("y", Cbor.Int(2)));
        var car = Cbor.Car([Cid.Compute(a)], a, b);
        car[^1] ^= 0x01;
        var reader = new CarReader(new MemoryStream(car));

        reader.ReadHeader().Roots.ShouldBe([Cid.Compute(a)]);
        reader.TryReadBlock(out var first).ShouldBeTrue();
        first.HashMatches.ShouldBeTrue();
        first.Offset.ShouldBe(car.Length - (2 * (1 + 36 + a.Length)));
        reader.TryReadBlock(out var second).ShouldBeTrue();
        second.Cid.ShouldBe(Cid.Compute(b));
        second.HashMatches.ShouldBeFalse();
        reader.TryReadBlock(out _).ShouldBeFalse();
    }

    [Fact]
    public void Names_the_offset_of_a_truncated_block()
    {
        byte[] a = Cbor.Map(("x", Cbor.Int(1)));
        var car = Cbor.Car([Cid.Compute(a)], a);
        var cut = car[..^3];
        var reader = new CarReader(new MemoryStream(cut));
        reader.ReadHeader();
        var e = Should.Throw<CarFormatException>(() => reader.TryReadBlock(out _));
        e.Message.ShouldContain("truncated");
        e.Offset.ShouldBe(car.Length - (1 + 36 + a.Length));
    }

    [Fact]
    public void Rejects_a_car_version_2_header()
    {
        byte[] pragma = [0x0a, 0xa1, 0x67, .. "version"u8, 0x02];
        var e = Should.Throw<CarFormatException>(() => new CarReader(new MemoryStream(pragma)).ReadHeader());
        e.Message.ShouldContain("CAR version 2 is not supported");
    }

    [Fact]
    public void Rejects_a_cidv0_block()
    {
        var header = Cbor.Frame(Cbor.Map(("version", Cbor.Int(1)), ("roots", Cbor.List())));
        byte[] car = [.. header, .. Cbor.Frame([0x12, 0x20, .. new byte[32], 0xa0])];
        var reader = new CarReader(new MemoryStream(car));
        reader.ReadHeader();
        var e = Should.Throw<CarFormatException>(() => reader.TryReadBlock(out _));
        e.Message.ShouldContain("CIDv0");
        e.Offset.ShouldBe(header.Length + 1);
    }

    [Fact]
    public void Refuses_a_block_length_beyond_the_limit_without_allocating_it()
    {
        var header = Cbor.Frame(Cbor.Map(("version", Cbor.Int(1)), ("roots", Cbor.List())));
        byte[] car = [.. header, 0xff, 0xff, 0xff, 0xff, 0x0f];
        var reader = new CarReader(new MemoryStream(car));
        reader.ReadHeader();
        Should.Throw<CarFormatException>(() => reader.TryReadBlock(out _)).Message.ShouldContain("exceeds the limit");
    }

    [Fact]
    public void Walks_a_hand_built_mst_with_subtrees_in_key_order()
    {
        var cid = Cid.Compute([7]);
        byte[] Entry(string k, int p, byte[] t) => Cbor.Map(("k", Cbor.Bytes(System.Text.Encoding.ASCII.GetBytes(k))), ("p", Cbor.Int(p)), ("t", t), ("v", Cbor.Link(cid)));
        var leftNode = Cbor.Map(("e", Cbor.List(Entry("a.b/1", 0, Cbor.Null))), ("l", Cbor.Null));
        var rightNode = Cbor.Map(("e", Cbor.List(Entry("a.b/3", 0, Cbor.Null), Entry("4", 4, Cbor.Null))), ("l", Cbor.Null));
        var root = Cbor.Map(("e", Cbor.List(Entry("a.b/2", 0, Cbor.Link(Cid.Compute(rightNode))))), ("l", Cbor.Link(Cid.Compute(leftNode))));
        var nodes = new[] { leftNode, rightNode, root }.ToDictionary(n => Cid.Compute(n), n => DagCborReader.Decode(n));
        var problems = new List<MstProblem>();

        var leaves = MstWalker.Walk(Cid.Compute(root), c => nodes.GetValueOrDefault(c), problems.Add);

        problems.ShouldBeEmpty();
        leaves.Select(l => l.Key).ShouldBe(["a.b/1", "a.b/2", "a.b/3", "a.b/4"]);
    }

    [Fact]
    public void Reports_a_missing_subtree_and_keys_out_of_order_and_walks_on()
    {
        var cid = Cid.Compute([7]);
        var missing = Cid.Compute([8]);
        byte[] Entry(string k, byte[] t) => Cbor.Map(("k", Cbor.Bytes(System.Text.Encoding.ASCII.GetBytes(k))), ("p", Cbor.Int(0)), ("t", t), ("v", Cbor.Link(cid)));
        var root = Cbor.Map(("e", Cbor.List(Entry("a.b/2", Cbor.Link(missing)), Entry("a.b/1", Cbor.Null), Entry("a.b/3", Cbor.Null))), ("l", Cbor.Null));
        var problems = new List<MstProblem>();

        var leaves = MstWalker.Walk(Cid.Compute(root), c => c == Cid.Compute(root) ? DagCborReader.Decode(root) : null, problems.Add);

        leaves.Select(l => l.Key).ShouldBe(["a.b/2", "a.b/3"]);
        problems.Count.ShouldBe(2);
        problems[0].Node.ShouldBe(missing);
        problems[0].Message.ShouldContain("missing");
        problems[1].Message.ShouldContain("out of order");
    }

    private static (RepoCommit Commit, Dictionary<Cid, CarBlock> Blocks) Load(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = new CarReader(stream);
        var header = reader.ReadHeader();
        var blocks = new Dictionary<Cid, CarBlock>();
        while (reader.TryReadBlock(out var block))
        {
            blocks[block.Cid] = block;
        }

        return (RepoCommit.FromValue(DagCborReader.Decode(blocks[header.Roots[0]].Data.Span)), blocks);
    }
}
