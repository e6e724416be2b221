namespace Clout.Api;

/// <summary>
/// How the API runs, bound from the <c>Clout</c> configuration section (for example <c>Clout__Store</c> in the
/// environment) over the values the caller passes in. Validated when the app starts.
/// </summary>
public sealed class ApiOptions
{
    public const string Section = "Clout";

    /// <summary>The store URI, such as <c>sqlite:clout.db</c>.</summary>
    public string Store { get; set; } = "sqlite:clout.db";

    /// <summary>Where to listen; null leaves it to ASP.NET Core configuration (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), else <see cref="DefaultUrls"/>.</summary>
    public string? Urls { get; set; }

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>When true the read API and the dashboard's data need a key too (a public install).</summary>
    public bool RequireKeysForRead { get; set; }

    /// <summary>Default requests per second per key (Klout allowed 10).</summary>
    public int PerSecond { get; set; } = 10;

    /// <summary>Default requests per UTC day per key (Klout allowed 20,000).</summary>
    public int PerDay { get; set; } = 20_000;

    /// <summary>Seconds a key lookup is cached; a revoked key stops working within this time.</summary>
    public int KeyCacheSeconds { get; set; } = 10;

    /// <summary>Seconds the published version and latest scored day are cached (they change once per scoring run).</summary>
    public int StateCacheSeconds { get; set; } = 2;

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Store))
        {
            yield return "Clout:Store is empty; expected a store URI such as sqlite:clout.db";
        }

        if (PerSecond is < 1 or > 1_000_000)
        {
            yield return $"Clout:PerSecond {PerSecond} is out of range; expected 1 to 1,000,000";
        }

        if (PerDay is < 1 or > 1_000_000_000)
        {
            yield return $"Clout:PerDay {PerDay} is out of range; expected 1 to 1,000,000,000";
        }

        if (KeyCacheSeconds is < 0 or > 3600)
        {
            yield return $"Clout:KeyCacheSeconds {KeyCacheSeconds} is out of range; expected 0 to 3600";
        }

        if (StateCacheSeconds is < 0 or > 3600)
        {
            yield return $"Clout:StateCacheSeconds {StateCacheSeconds} is out of range; expected 0 to 3600";
        }
    }

    internal Dictionary<string, string?> ToConfiguration() => new()
    {
        [$"{Section}:{nameof(Store)}"] = Store,
        [$"{Section}:{nameof(RequireKeysForRead)}"] = RequireKeysForRead ? "true" : "false",
        [$"{Section}:{nameof(PerSecond)}"] = PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{Section}:{nameof(PerDay)}"] = PerDay.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{Section}:{nameof(KeyCacheSeconds)}"] = KeyCacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{Section}:{nameof(StateCacheSeconds)}"] = StateCacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
