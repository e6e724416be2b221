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

    /// <summary>
    /// The version a run uses: the one asked for, else the one the store publishes, else the default (a new
    /// store). A store keeps its published version when a newer default ships: switching is a run with
    /// <c>--algorithm</c>, after a shadow run and its comparison (docs/validation.md), never a side effect of an upgrade.
    /// </summary>
    public static async Task<ModelParameters> ForRunAsync(ICloutStore store, string? requested, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return Require(requested);
        }

        var published = await PublishedAsync(store, cancellationToken);
        return Algorithms.Find(published)
            ?? throw new ArgumentException($"the store publishes algorithm version '{published}', which this build does not know; expected one of {string.Join(", ", Algorithms.All.Select(a => a.Version))} (pass --algorithm to choose one)");
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
