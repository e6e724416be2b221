using Clout.Core.Records;
using Clout.Importers;

namespace Clout.Importers.Tests.Twitter;

/// <summary>Everything one read yielded, split by record type, for assertions.</summary>
public sealed class ReadResult
{
    private ReadResult(List<ImportItem> items)
    {
        Items = items;
        Accounts = items.Select(i => i.Record).OfType<AccountRecord>().ToList();
        Posts = items.Select(i => i.Record).OfType<PostRecord>().ToList();
        Actions = items.Select(i => i.Record).OfType<ActionRecord>().ToList();
        Metrics = items.Select(i => i.Record).OfType<MetricsRecord>().ToList();
        Errors = items.Where(i => i.Error is not null).Select(i => i.Error!).ToList();
    }

    public List<ImportItem> Items { get; }

    public List<AccountRecord> Accounts { get; }

    public List<PostRecord> Posts { get; }

    public List<ActionRecord> Actions { get; }

    public List<MetricsRecord> Metrics { get; }

    public List<ImportError> Errors { get; }

    public static ReadResult Of(IImporter importer, string path, ImportOptions? options = null) =>
        new(importer.Read(path, options ?? new ImportOptions { SnapshotDate = new DateOnly(2026, 1, 1) }, TestContext.Current.CancellationToken).ToList());
}
