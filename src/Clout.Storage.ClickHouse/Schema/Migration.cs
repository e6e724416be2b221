namespace Clout.Storage.ClickHouse.Schema;

/// <summary>One schema version: statements run on every node, each safe to run again if a migration was interrupted.</summary>
internal sealed record Migration(int Version, string Description, Func<SqlNames, IReadOnlyList<string>> Statements);
