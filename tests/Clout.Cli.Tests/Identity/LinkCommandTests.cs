using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Storage.Sqlite;
using Clout.Tests;

namespace Clout.Cli.Tests.Identity;

/// <summary><c>clout link</c>, <c>clout unlink</c> and <c>clout link --suggest</c> through the real executable (issue 5, part 2).</summary>
public sealed class LinkCommandTests : IAsyncLifetime
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"clout-link-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dir);
        await using var store = new SqliteStore(Path.Combine(dir, "clout.db"));
        await store.MigrateAsync();
        await store.ImportAsync(
            [
                new AccountRecord(Network.X, "1001") { Handle = "alice_archer", Name = "Alice Archer", Url = "https://mastodon.social/@alice_archer" },
                new AccountRecord(Network.Mastodon, "alice_archer@mastodon.social") { Handle = "alice_archer", Name = "Alice Archer" },
                new AccountRecord(Network.Reddit, "bob_b") { Handle = "bob_b" },
            ]);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Suggest_lists_the_link_with_evidence_and_the_command_that_confirms_it()
    {
        var (exit, output, error) = await CloutProcess.RunAsync(dir, "link", "--suggest", "--json");

        exit.ShouldBe(0, error);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("total").GetInt32().ShouldBe(1);
        var s = root.GetProperty("suggestions")[0];
        s.GetProperty("confidence").GetDouble().ShouldBeGreaterThan(0.9);
        s.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["profile-link", "same-handle"], ignoreOrder: true);
        var command = s.GetProperty("command").GetString()!;
        command.ShouldStartWith("clout link ");

        // Confirming runs the printed command; then nothing is left to suggest.
        var parts = command.Split(' ');
        (exit, _, error) = await CloutProcess.RunAsync(dir, "link", parts[2], parts[3]);
        exit.ShouldBe(0, error);
        (exit, output, _) = await CloutProcess.RunAsync(dir, "link", "--suggest");
        exit.ShouldBe(0);
        output.ShouldContain("no suggested links");
    }

    [Fact]
    public async Task Link_and_unlink_print_the_change_as_json()
    {
        var (exit, output, error) = await CloutProcess.RunAsync(dir, "link", "alice", "mastodon:alice_archer@mastodon.social", "--json");
        exit.ShouldBe(0, error);
        var linked = JsonDocument.Parse(output).RootElement;
        linked.GetProperty("person").GetString().ShouldBe("alice");
        linked.GetProperty("previous_person").GetString().ShouldBe("mastodon:alice_archer@mastodon.social");
        linked.GetProperty("changed").GetBoolean().ShouldBeTrue();

        (exit, output, error) = await CloutProcess.RunAsync(dir, "show", "alice", "--json");
        exit.ShouldBe(1); // linked, but not scored yet
        error.ShouldContain("alice has no score");

        (exit, output, error) = await CloutProcess.RunAsync(dir, "unlink", "mastodon:alice_archer@mastodon.social", "--json");
        exit.ShouldBe(0, error);
        var unlinked = JsonDocument.Parse(output).RootElement;
        unlinked.GetProperty("person").GetString().ShouldBe("mastodon:alice_archer@mastodon.social");
        unlinked.GetProperty("previous_person").GetString().ShouldBe("alice");

        (exit, output, _) = await CloutProcess.RunAsync(dir, "unlink", "mastodon:alice_archer@mastodon.social");
        exit.ShouldBe(0);
        output.ShouldContain("not linked to anyone");
    }

    [Theory]
    [InlineData(2, "not a network", "link", "alice", "myspace:alice")]
    [InlineData(2, "has no network", "link", "alice", "alice_archer")]
    [InlineData(2, "has no account after the colon", "link", "alice", "reddit:")]
    [InlineData(1, "no account x:404", "link", "alice", "x:404")]
    [InlineData(2, "NETWORK:ACCOUNT is missing", "link", "alice")]
    [InlineData(2, "PERSON and NETWORK:ACCOUNT are missing", "link")]
    [InlineData(2, "--suggest takes no PERSON", "link", "--suggest", "alice", "x:1001")]
    [InlineData(2, "--min-confidence 2 is out of range", "link", "--suggest", "--min-confidence", "2")]
    [InlineData(2, "not a network", "unlink", "friendster:bob")]
    [InlineData(1, "no account reddit:nobody", "unlink", "reddit:nobody")]
    [InlineData(2, "Required argument missing", "unlink")]
    public async Task Bad_input_gets_a_clear_error_and_a_non_zero_exit(int code, string message, params string[] args)
    {
        var (exit, output, error) = await CloutProcess.RunAsync(dir, args);

        exit.ShouldBe(code, error);
        error.ShouldContain(message);
        output.ShouldNotContain("linked ");
    }
}
