using System.Globalization;
using System.Text.Json;
using Clout.Tests;

namespace Clout.Cli.Tests;

/// <summary><c>clout rank</c> through the real executable: the JSON a benchmark reads, the ranks file, and bad input.</summary>
public sealed class RankCommandTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"clout-rank-{Guid.NewGuid():N}");

    public RankCommandTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Prints_timings_and_the_top_nodes_by_their_file_ids_as_json()
    {
        // A star into node 4000000000 (a 64-bit id) plus a separate small cycle.
        var lines = Enumerable.Range(1, 50).Select(i => $"{i} 4000000000 1.5").Concat(["7 8 2", "8 7 2"]);
        await File.WriteAllLinesAsync(Path.Combine(dir, "g.txt"), lines);

        var (exit, output, error) = await CloutProcess.RunAsync(dir, "rank", "--edges", "g.txt", "--weighted", "--iterations", "20", "--json", "--output", "ranks.txt");

        exit.ShouldBe(0, error);
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("nodes").GetInt32().ShouldBe(51);
        json.GetProperty("edges").GetInt64().ShouldBe(52);
        json.GetProperty("iterations").GetInt32().ShouldBe(20);
        foreach (var field in new[] { "load_seconds", "build_seconds", "rank_seconds" })
        {
            json.GetProperty(field).GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        }

        var top = json.GetProperty("top");
        top.GetArrayLength().ShouldBe(10);
        top[0].GetProperty("id").GetString().ShouldBe("4000000000");
        top[0].GetProperty("rank").GetDouble().ShouldBeGreaterThan(top[1].GetProperty("rank").GetDouble());
        var ranks = (await File.ReadAllLinesAsync(Path.Combine(dir, "ranks.txt"))).Select(l => double.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture)).ToList();
        ranks.Count.ShouldBe(51);
        ranks.Sum().ShouldBe(1.0, 1e-5);
    }

    [Fact]
    public async Task Names_the_file_and_line_of_a_malformed_edge()
    {
        await File.WriteAllTextAsync(Path.Combine(dir, "bad.txt"), "# edges\n1 2\n3 three\n");

        var (exit, _, error) = await CloutProcess.RunAsync(dir, "rank", "--edges", "bad.txt");

        exit.ShouldBe(1);
        error.ShouldContain("bad.txt:3: column 2: expected a non-negative integer node id, found 'three'");
    }

    [Fact]
    public async Task Says_when_the_edge_file_does_not_exist()
    {
        var (exit, _, error) = await CloutProcess.RunAsync(dir, "rank", "--edges", "missing.txt");

        exit.ShouldBe(1);
        error.ShouldContain("missing.txt: no such edge list file");
    }

    [Theory]
    [InlineData("--damping", "1.5", "--damping 1.5 is out of range")]
    [InlineData("--tolerance", "0", "--tolerance 0 is out of range")]
    [InlineData("--order", "random", "random")]
    public async Task Rejects_bad_options(string option, string value, string message)
    {
        await File.WriteAllTextAsync(Path.Combine(dir, "g.txt"), "1 2\n");

        var (exit, _, error) = await CloutProcess.RunAsync(dir, "rank", "--edges", "g.txt", option, value);

        exit.ShouldBe(2);
        error.ShouldContain(message);
    }

    [Fact]
    public async Task Refuses_both_a_fixed_iteration_count_and_a_tolerance()
    {
        await File.WriteAllTextAsync(Path.Combine(dir, "g.txt"), "1 2\n");

        var (exit, _, error) = await CloutProcess.RunAsync(dir, "rank", "--edges", "g.txt", "--iterations", "5", "--tolerance", "1e-6");

        exit.ShouldBe(2);
        error.ShouldContain("give either --iterations or --tolerance, not both");
    }
}
