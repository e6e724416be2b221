using System.Text.Json;
using Clout.Tests;

namespace Clout.Cli.Tests;

/// <summary>The CLI end to end on a small generated population, through the real executable and a real SQLite file.</summary>
public sealed class CliEndToEndTests : IAsyncLifetime
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"clout-cli-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dir);
        var (exit, _, error) = await CloutProcess.RunAsync(dir, "generate", "--people", "400", "--seed", "3", "--days", "40");
        exit.ShouldBe(0, error);
        (exit, _, error) = await CloutProcess.RunAsync(dir, "score", "--from", "2026-10-31", "--to", "2026-11-01");
        exit.ShouldBe(0, error);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Top_prints_people_with_score_and_bucket_as_json()
    {
        var (exit, output, _) = await CloutProcess.RunAsync(dir, "top", "--n", "5", "--json");

        exit.ShouldBe(0);
        var rows = JsonDocument.Parse(output).RootElement;
        rows.GetArrayLength().ShouldBe(5);
        foreach (var row in rows.EnumerateArray())
        {
            row.GetProperty("person").GetString().ShouldNotBeNullOrEmpty();
            row.GetProperty("score").GetDouble().ShouldBeInRange(1, 100);
            row.GetProperty("bucket").GetString().ShouldNotBeNullOrEmpty();
        }

        rows[0].GetProperty("score").GetDouble().ShouldBeGreaterThanOrEqualTo(rows[4].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Explain_contributions_add_up_to_the_score()
    {
        var top = JsonDocument.Parse((await CloutProcess.RunAsync(dir, "top", "--n", "1", "--json")).Out).RootElement[0].GetProperty("person").GetString()!;

        var (exit, output, error) = await CloutProcess.RunAsync(dir, "explain", top, "--json");

        exit.ShouldBe(0, error);
        var root = JsonDocument.Parse(output).RootElement;
        var sum = root.GetProperty("contributions").EnumerateArray().Sum(c => c.GetProperty("points").GetDouble());
        sum.ShouldBe(root.GetProperty("score").GetDouble(), 0.01);
        root.GetProperty("contributions").EnumerateArray().ShouldAllBe(c => c.GetProperty("label").GetString()!.Length > 0);
    }

    [Fact]
    public async Task Explain_since_a_day_lists_what_changed()
    {
        var top = JsonDocument.Parse((await CloutProcess.RunAsync(dir, "top", "--n", "1", "--json")).Out).RootElement[0].GetProperty("person").GetString()!;

        var (exit, output, error) = await CloutProcess.RunAsync(dir, "explain", top, "--since", "2026-10-31", "--json");

        exit.ShouldBe(0, error);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("points").GetDouble()).ShouldBe(root.GetProperty("change").GetDouble(), 0.001);
    }

    [Fact]
    public async Task Show_accepts_a_handle_and_prints_sub_scores()
    {
        var top = JsonDocument.Parse((await CloutProcess.RunAsync(dir, "top", "--n", "1", "--json")).Out).RootElement[0];
        var handle = top.GetProperty("handle").GetString()!;

        var (exit, output, error) = await CloutProcess.RunAsync(dir, "show", "@" + handle, "--json");

        exit.ShouldBe(0, error);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("person").GetString().ShouldBe(top.GetProperty("person").GetString());
        root.GetProperty("sub_scores").GetProperty("reach").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        root.GetProperty("score_deltas").GetProperty("day_change").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public async Task An_unknown_person_is_a_clear_error_with_a_non_zero_exit()
    {
        var (exit, output, error) = await CloutProcess.RunAsync(dir, "show", "nobody-at-all");

        exit.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("no person 'nobody-at-all'");
    }

    [Theory]
    [InlineData("score", "--date", "2026-13-01")]
    [InlineData("top", "--n", "0")]
    [InlineData("score", "--from", "2026-10-01")]
    [InlineData("generate", "--people", "-5")]
    public async Task Bad_arguments_are_rejected_with_a_message(params string[] args)
    {
        var (exit, _, error) = await CloutProcess.RunAsync(dir, args);

        exit.ShouldNotBe(0);
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Importing_a_bad_file_names_the_line_and_field_and_imports_nothing()
    {
        var file = Path.Combine(dir, "bad.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"type":"account","network":"x","id":"new-1"}""", """{"type":"post","network":"x","id":"p","account":"new-1","time":"soon"}"""]);

        var (exit, _, error) = await CloutProcess.RunAsync(dir, "import", file, "--db", "other.db");

        exit.ShouldBe(1);
        error.ShouldContain("bad.jsonl:2: field 'time'");
        error.ShouldContain("nothing was imported");
        var (_, output, _) = await CloutProcess.RunAsync(dir, "import", file, "--db", "other.db", "--skip-invalid", "--json");
        JsonDocument.Parse(output).RootElement.GetProperty("skipped").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Importing_an_unknown_format_says_which_formats_exist()
    {
        var file = Path.Combine(dir, "data.bin");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);

        var (exit, _, error) = await CloutProcess.RunAsync(dir, "import", file, "--db", "formats.db");

        exit.ShouldBe(1);
        error.ShouldContain("--format");
        error.ShouldContain("jsonl");
    }

    [Fact]
    public async Task Every_command_has_help()
    {
        foreach (var command in new[] { "init", "import", "generate", "score", "show", "explain", "top", "demo" })
        {
            var (exit, output, _) = await CloutProcess.RunAsync(dir, command, "--help");
            exit.ShouldBe(0);
            output.ShouldContain("Usage:");
        }
    }
}
