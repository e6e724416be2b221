using Clout.Core.Records;
using Clout.Core.Storage;

namespace Clout.Application.Importing;

/// <summary>What an import did: the format, the stored counts, skipped records with the first errors, and its rate.</summary>
public sealed record ImportReport(string Path, string Format, ImportCounts Counts, long Skipped, IReadOnlyList<ImportError> Errors, double Seconds)
{
    public double RecordsPerSecond => Seconds > 0 ? (Counts.Records + Skipped) / Seconds : 0;
}
