using Clout.Core.Domain;

namespace Clout.Importers;

/// <summary>Options a format may use: the network and default action kind for formats that do not say them.</summary>
public sealed record ImportOptions
{
    public Network? Network { get; init; }

    public ActionKind? DefaultKind { get; init; }

    /// <summary>The person the imported account belongs to, for single-account exports.</summary>
    public string? Person { get; init; }

    /// <summary>The date counters are recorded on when a source does not date them (defaults to today, UTC).</summary>
    public DateOnly? SnapshotDate { get; init; }
}
