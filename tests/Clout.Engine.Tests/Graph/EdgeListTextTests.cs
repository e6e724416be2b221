using Clout.Engine.Graph.EdgeLists;

namespace Clout.Engine.Tests.Graph;

public sealed class EdgeListTextTests : IDisposable
{
    private readonly EdgeListFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Reads_edges_skipping_comments_and_blank_lines_with_any_separator()
    {
        var path = files.Write("g.txt", "# SNAP style header\n% matrix market comment\n\n1 2 0.5\n2\t3\t1.5\r\n3,1,2\n  4 1 1e-1  \n");

        var edges = EdgeListText.Read(path, weighted: true, threads: 2);

        edges.Count.ShouldBe(4);
        edges.Source[..4].ShouldBe([1, 2, 3, 4]);
        edges.Target[..4].ShouldBe([2, 3, 1, 1]);
        edges.Weight![..4].ShouldBe([0.5f, 1.5f, 2f, 0.1f]);
    }

    [Fact]
    public void Ignores_extra_columns_when_unweighted_and_reads_a_last_line_without_newline()
    {
        var path = files.Write("g.txt", "1 2 1234567890 extra\n5 6");

        var edges = EdgeListText.Read(path, weighted: false, threads: 1);

        edges.Count.ShouldBe(2);
        edges.Weight.ShouldBeNull();
        edges.Target[..2].ShouldBe([2, 6]);
    }

    [Fact]
    public void Reads_the_same_edges_on_one_thread_and_on_many_blocks()
    {
        var list = EdgeListFiles.Random(5_000, 200_000, 3);
        var path = files.Write("big.txt", "# header\n" + EdgeListFiles.Text(list));

        var one = EdgeListText.Read(path, weighted: true, threads: 1);
        var many = EdgeListText.Read(path, weighted: true, threads: 7);

        many.Count.ShouldBe(200_000);
        one.Count.ShouldBe(200_000);
        many.Source[..many.Count].ShouldBe(one.Source[..one.Count]);
        many.Target[..many.Count].ShouldBe(one.Target[..one.Count]);
        many.Weight![..many.Count].ShouldBe(one.Weight![..one.Count]);
        many.Source[123_456].ShouldBe((int)list[123_456].Source);
    }

    [Fact]
    public void Names_the_line_of_a_bad_id_deep_in_a_large_file()
    {
        var lines = EdgeListFiles.Text(EdgeListFiles.Random(1_000, 150_000, 5)).Split('\n').ToList();
        lines[100_000] = "17 x9 1.0";
        var path = files.Write("bad.txt", string.Join('\n', lines));

        var error = Should.Throw<EdgeListException>(() => EdgeListText.Read(path, weighted: true, threads: 4));

        error.Message.ShouldBe($"{path}:100001: column 2: expected a non-negative integer node id, found 'x9'");
    }

    [Theory]
    [InlineData("1 2\n", "2: column 3: expected a weight (the list is read as weighted)")]
    [InlineData("1 2 -3\n", "1: column 3: expected a non-negative finite weight, found '-3'")]
    [InlineData("1 2 NaN\n", "1: column 3: expected a non-negative finite weight, found 'NaN'")]
    [InlineData("1 2 0.5kg\n", "1: column 3: expected a non-negative finite weight, found '0.5kg'")]
    [InlineData("-1 2 1\n", "1: column 1: expected a non-negative integer node id, found '-1'")]
    [InlineData("7\n", "1: column 2: expected a non-negative integer node id, found the end of the line")]
    [InlineData("99999999999999999999 1 1\n", "1: column 1: expected a non-negative integer node id, found '99999999999999999999'")]
    public void Rejects_malformed_lines_with_file_line_and_column(string text, string expected)
    {
        var path = files.Write("bad.txt", text.StartsWith("1 2\n", StringComparison.Ordinal) ? "# c\n" + text : text);

        var error = Should.Throw<EdgeListException>(() => EdgeListText.Read(path, weighted: true, threads: 2));

        error.Message.ShouldBe($"{path}:{expected}");
    }

    [Fact]
    public void Rejects_a_line_longer_than_a_mebibyte()
    {
        var path = files.Write("long.txt", "1 2\n" + new string('1', 1_100_000) + " 3\n");

        var error = Should.Throw<EdgeListException>(() => EdgeListText.Read(path, weighted: false, threads: 1));

        error.Message.ShouldContain("line is longer than 1 MiB");
    }

    [Fact]
    public void Reads_an_empty_file_as_no_edges()
    {
        var path = files.Write("empty.txt", string.Empty);

        EdgeListText.Read(path, weighted: true, threads: 2).Count.ShouldBe(0);
        EdgeListGraph.Build(EdgeListText.Read(path, weighted: false, threads: 2), degreeOrder: true, threads: 2).InEdges.Vertices.ShouldBe(0);
    }
}
