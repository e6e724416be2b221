namespace Clout.Core.Storage;

/// <summary>Which store a <see cref="StoreUri"/> names.</summary>
public enum StoreKind
{
    Sqlite = 0,
    ClickHouse = 1,
}
