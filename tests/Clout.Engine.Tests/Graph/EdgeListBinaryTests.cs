using Clout.Engine.Graph.EdgeLists;

namespace Clout.Engine.Tests.Graph;

public sealed class EdgeListBinaryTests : IDisposable
{
    private readonly EdgeListFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Reads_back_what_it_wrote_in_the_same_order()
    {
        var list = EdgeListFiles.Random(1_000, 50_000, 9);
        var path = files.Path("g.bin");
        EdgeListBinary.Write(path, list.Select(e => e.Source).ToArray(), list.Select(e => e.Target).ToArray(), list.Select(e => e.Weight).ToArray());

        EdgeListBinary.IsBinary(path).ShouldBeTrue();
        var edges = EdgeListFile.Read(path, weighted: true, threads: 3);

        edges.Count.ShouldBe(50_000);
        edges.Source[..50_000].ShouldBe(list.Select(e => (int)e.Source).ToArray());
        edges.Target[..50_000].ShouldBe(list.Select(e => (int)e.Target).ToArray());
        edges.Weight![..50_000].ShouldBe(list.Select(e => e.Weight).ToArray());
    }

    [Fact]
    public void Uses_64_bit_ids_when_an_id_needs_them()
    {
        var path = files.Path("wide.bin");
        EdgeListBinary.Write(path, [5_000_000_000L, 1], [1, 5_000_000_000L], []);

        var graph = EdgeListGraph.Build(EdgeListFile.Read(path, weighted: false, threads: 2), degreeOrder: false, threads: 2);

        graph.OriginalIds.ShouldBe([1L, 5_000_000_000L]);
        File.ReadAllBytes(path).Length.ShouldBe(EdgeListBinary.HeaderBytes + (2 * 16));
    }

    [Fact]
    public void Names_the_byte_where_a_truncated_file_ends()
    {
        var path = files.Path("g.bin");
        EdgeListBinary.Write(path, [1, 2, 3], [2, 3, 1], [1f, 2f, 3f]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^5]);

        var error = Should.Throw<EdgeListException>(() => EdgeListFile.Read(path, weighted: true, threads: 1));

        error.Message.ShouldBe($"{path}:byte 55: the header announces 3 edges of 12 bytes, so 60 bytes; the file has 55 (truncated)");
    }

    [Fact]
    public void Refuses_to_read_weights_a_file_does_not_have()
    {
        var path = files.Path("g.bin");
        EdgeListBinary.Write(path, [1], [2], []);

        var error = Should.Throw<EdgeListException>(() => EdgeListFile.Read(path, weighted: true, threads: 1));

        error.Message.ShouldContain("the file has no weights but the list is read as weighted");
    }

    [Fact]
    public void Rejects_a_negative_weight_naming_its_byte()
    {
        var path = files.Path("g.bin");
        EdgeListBinary.Write(path, [1, 2], [2, 1], [1f, -2f]);

        var error = Should.Throw<EdgeListException>(() => EdgeListFile.Read(path, weighted: true, threads: 1));

        error.Message.ShouldBe($"{path}:byte 44: expected a non-negative finite weight, found -2");
    }

    [Fact]
    public void Rejects_an_unknown_version_and_a_header_cut_short()
    {
        var path = files.Path("g.bin");
        EdgeListBinary.Write(path, [1], [2], []);
        var bytes = File.ReadAllBytes(path);
        bytes[8] = 9;
        File.WriteAllBytes(path, bytes);
        Should.Throw<EdgeListException>(() => EdgeListFile.Read(path, weighted: false, threads: 1)).Message.ShouldContain("byte 8: version 9 is not supported; expected 1");

        File.WriteAllBytes(path, bytes[..12]);
        Should.Throw<EdgeListException>(() => EdgeListFile.Read(path, weighted: false, threads: 1)).Message.ShouldContain("expected a binary edge list starting with \"CLTEDGES\" and a 24-byte header");
    }
}
