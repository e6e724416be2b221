namespace Clout.Storage.ClickHouse.Http;

/// <summary>
/// A temporary table sent with a query (ClickHouse "external data"), so large key sets travel as TSV instead of
/// as SQL literals. <paramref name="Structure"/> is like <c>network UInt8, id String</c>.
/// </summary>
internal sealed record ExternalTable(string Name, string Structure, byte[] Data);
