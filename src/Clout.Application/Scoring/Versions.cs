using Clout.Core.Storage;
using Clout.Engine.Model;

namespace Clout.Application.Scoring;

/// <summary>Which algorithm version is published (what readers see), and lookup of versions by name.</summary>
public static class Versions
{
    public const string PublishedSetting = "published_version";

    public static async Task<string> PublishedAsync(ICloutStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.GetSettingAsync(PublishedSetting, cancellationToken) ?? Algorithms.Default.Version;
    }

    public static ModelParameters Require(string? version)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            return Algorithms.Default;
        }

        return Algorithms.Find(version)
            ?? throw new ArgumentException($"unknown algorithm version '{version}'; expected one of {string.Join(", ", Algorithms.All.Select(a => a.Version))}");
    }
}
