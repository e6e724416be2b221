using System.Text.Json;
using Clout.Tests;

namespace Clout.Cli.Tests;

/// <summary>Users add their own topics in a file, without rebuilding, and every command that uses topics sees them.</summary>
public sealed class UserTopicsTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"clout-topics-{Guid.NewGuid():N}");

    public UserTopicsTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task A_user_topic_is_generated_assigned_and_found()
    {
        var topics = Path.Combine(dir, "topics.json");
        await File.WriteAllTextAsync(topics, """
            {"version": 1, "topics": [
              {"slug": "zig", "name": "Zig", "parent": "software-development",
               "hashtags": ["ziglang", "zigcompiler"], "keywords": ["zig compiler", "comptime"], "domains": ["ziglang.org"]}
            ]}
            """);

        (await CloutProcess.RunAsync(dir, "generate", "--people", "1500", "--seed", "4", "--days", "30", "--topics", topics)).Exit.ShouldBe(0);
        (await CloutProcess.RunAsync(dir, "score", "--topics", topics)).Exit.ShouldBe(0);
        var (exit, output, error) = await CloutProcess.RunAsync(dir, "find", "--topic", "zig", "--topics", topics, "--json");

        exit.ShouldBe(0, error);
        JsonDocument.Parse(output).RootElement.GetProperty("people").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_bad_topics_file_is_an_error_naming_the_file_and_field()
    {
        var topics = Path.Combine(dir, "bad-topics.json");
        await File.WriteAllTextAsync(topics, """{"version": 1, "topics": [{"slug": "Not A Slug", "name": "x", "hashtags": ["x"]}]}""");

        var (exit, _, error) = await CloutProcess.RunAsync(dir, "find", "--topic", "rust", "--topics", topics);

        exit.ShouldBe(2);
        error.ShouldContain("bad-topics.json");
        error.ShouldContain("slug");
    }

    [Fact]
    public async Task A_missing_topics_file_is_an_error()
    {
        var (exit, _, error) = await CloutProcess.RunAsync(dir, "find", "--topic", "rust", "--topics", Path.Combine(dir, "nope.json"));

        exit.ShouldBe(1);
        error.ShouldContain("nope.json");
    }
}
