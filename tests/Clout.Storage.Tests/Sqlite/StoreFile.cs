using Microsoft.Data.Sqlite;

namespace Clout.Storage.Tests.Sqlite;

/// <summary>Reads a store's file directly (its own connection, no pooling), to compare what two writes stored.</summary>
internal static class StoreFile
{
    /// <summary>Every row of a table as text (blobs in hex), sorted.</summary>
    public static List<string> Dump(string path, string table)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join('|', values.Select(v => v switch
            {
                DBNull => "NULL",
                byte[] bytes => Convert.ToHexString(bytes),
                _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            })));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public static string? JournalMode(string path) => Scalar(path, "PRAGMA journal_mode") as string;

    /// <summary>SQLite's query plan of a statement, its steps joined by ';'.</summary>
    public static string Plan(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join(';', steps);
    }

    /// <summary>The first column of the first row of a query.</summary>
    public static object? Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }
}
