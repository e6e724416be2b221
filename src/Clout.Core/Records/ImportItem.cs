namespace Clout.Core.Records;

/// <summary>What a reader yields: a record, or the error that replaced it. Readers never throw for bad records.</summary>
public readonly record struct ImportItem(ImportRecord? Record, ImportError? Error)
{
    public static ImportItem Ok(ImportRecord record) => new(record, null);

    public static ImportItem Fail(ImportError error) => new(null, error);
}
