namespace Clout.Api.Tests.Infrastructure;

/// <summary>A scored store and the app over it, shared by the tests of one class.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private ApiFactory? factory;

    public ScoredStore Store { get; } = new();

    public ManualTime Time { get; } = new(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Store.InitializeAsync();
        // The clock stands still unless a test moves it, so the shared client gets a per-second limit it cannot reach.
        factory = new ApiFactory(Store.Uri, Time, new Dictionary<string, string?> { ["Clout:PerSecond"] = "1000000" });
        Client = factory.CreateClient();
    }

    /// <summary>Another app over the same store with other settings, such as keys required for reading.</summary>
    public HttpClient ClientWith(params (string Key, string? Value)[] settings)
    {
        var other = new ApiFactory(Store.Uri, Time, settings.ToDictionary(s => s.Key, s => s.Value));
        extra.Add(other);
        return other.CreateClient();
    }

    private readonly List<ApiFactory> extra = [];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        foreach (var f in extra)
        {
            await f.DisposeAsync();
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await Store.DisposeAsync();
    }
}
