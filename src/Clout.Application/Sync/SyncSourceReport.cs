using Clout.Core.Records;
using Clout.Core.Storage;

namespace Clout.Application.Sync;

/// <summary>What one run of one source did: stored counts, pages and requests, skipped records and how it ended.</summary>
public sealed record SyncSourceReport(SyncSource Source, ImportCounts Counts, long Skipped, IReadOnlyList<ImportError> Errors, int Pages, int Requests, long Events, string? Error, double Seconds)
{
    public bool Failed => Error is not null;
}
