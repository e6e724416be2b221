namespace Clout.Storage.ClickHouse.Schema;

/// <summary>
/// Table names of one store and SQL literal quoting. Every table exists per node as <c>NAME_local</c>; with a
/// cluster, <c>NAME</c> is a Distributed table over the local ones, otherwise reads and writes use the local table.
/// </summary>
internal sealed class SqlNames(string database, string? cluster)
{
    public string Database { get; } = database;

    public string? Cluster { get; } = cluster;

    public string Local(string table) => $"`{Database}`.`{table}_local`";

    /// <summary>The table to read and write through: Distributed over all shards, or the local table on a single node.</summary>
    public string All(string table) => Cluster is null ? Local(table) : $"`{Database}`.`{table}`";

    /// <summary>A string literal: ClickHouse interprets backslash escapes inside quotes.</summary>
    public static string Quote(string value)
    {
        var sb = new System.Text.StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => sb.Append("\\\\"),
                '\'' => sb.Append("\\'"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                '\0' => sb.Append("\\0"),
                _ => sb.Append(c),
            };
        }

        return sb.Append('\'').ToString();
    }
}
