namespace Clout.Core.Storage;

/// <summary>What an import stored: new records per type, and records already present (deduplicated by source id).</summary>
public sealed record ImportCounts
{
    public long Accounts { get; init; }

    public long Posts { get; init; }

    public long Actions { get; init; }

    public long Metrics { get; init; }

    public long Duplicates { get; init; }

    public long Skipped { get; init; }

    public long Records => Accounts + Posts + Actions + Metrics + Duplicates;

    public ImportCounts Add(ImportCounts other) => new()
    {
        Accounts = Accounts + other.Accounts,
        Posts = Posts + other.Posts,
        Actions = Actions + other.Actions,
        Metrics = Metrics + other.Metrics,
        Duplicates = Duplicates + other.Duplicates,
        Skipped = Skipped + other.Skipped,
    };
}
