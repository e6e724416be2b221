using System.Text.Json;
using Clout.Application.Scoring;
using Clout.Cli.Tests.Topics;
using Clout.Engine.Model;
using Clout.Tests;

namespace Clout.Cli.Tests;

/// <summary>
/// Which version `clout score` runs without `--algorithm`: the one the store publishes, so an upgrade that ships a
/// new default never switches a store's published scores by itself; a new store gets the default.
/// </summary>
public sealed class PublishedVersionTests : IAsyncLifetime
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"clout-versions-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dir);
        var (exit, _, error) = await CloutProcess.RunAsync(dir, "generate", "--people", "300", "--seed", "4", "--days", "30");
        exit.ShouldBe(0, error);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<string> ScoreAsync(params string[] args)
    {
        var (exit, output, error) = await CloutProcess.RunAsync(dir, ["score", "--json", .. args]);
        exit.ShouldBe(0, error);
        return JsonDocument.Parse(output).RootElement[0].GetProperty("version").GetString()!;
    }

    [Fact]
    public async Task A_new_store_gets_the_default_and_a_store_keeps_the_version_it_publishes_until_a_run_asks_for_another()
    {
        (await ScoreAsync()).ShouldBe(Algorithms.Default.Version);
        (await ScoreAsync("--algorithm", "v1")).ShouldBe("v1");
        (await ScoreAsync()).ShouldBe("v1");

        // A shadow run of the default does not publish it.
        (await ScoreAsync("--algorithm", "v4", "--shadow")).ShouldBe("v4");
        (await ScoreAsync()).ShouldBe("v1");

        (await ScoreAsync("--algorithm", "v4")).ShouldBe("v4");
        (await ScoreAsync()).ShouldBe("v4");
    }

    [Fact]
    public async Task A_store_that_publishes_a_version_this_build_does_not_know_is_refused_with_the_known_ones()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.SetSettingAsync(Versions.PublishedSetting, "v99", TestContext.Current.CancellationToken);

        var error = await Should.ThrowAsync<ArgumentException>(() => Versions.ForRunAsync(temp.Store, null, TestContext.Current.CancellationToken));
        error.Message.ShouldContain("'v99'");
        error.Message.ShouldContain("v4");
        error.Message.ShouldContain("--algorithm");

        // Asking for a version explicitly still works.
        (await Versions.ForRunAsync(temp.Store, "v3", TestContext.Current.CancellationToken)).Version.ShouldBe("v3");
    }
}
