using Clout.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Tests.Sqlite;

/// <summary>Values bound and read through SQLite's C API (RawStatement) keep their type: '' is not NULL, nor is an empty blob.</summary>
public class RawStatementTests
{
    [Fact]
    public void Every_kind_of_value_is_stored_and_read_back_with_its_type()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t(i INTEGER, a, b)";
            create.ExecuteNonQuery();
        }

        (string? Text, byte[]? Blob)[] rows = [("", []), (null, null), ("zoë \"q\" 🚀", [0, 1, 255]), (new string('x', 100_000), new byte[70_000])];
        using (var insert = new RawStatement(connection, "INSERT INTO t VALUES (?1, ?2, ?3)"))
        {
            for (var i = 0; i < rows.Length; i++)
            {
                insert.Bind(1, i).Bind(2, rows[i].Text).Bind(3, rows[i].Blob).Execute().ShouldBe(1);
            }

            insert.Bind(1, (long?)null).Bind(2, 2.5).Bind(3, (double?)null).Execute().ShouldBe(1);
        }

        using var read = new RawStatement(connection, "SELECT i, a, typeof(a), b, typeof(b), length(b) FROM t ORDER BY rowid");
        for (var i = 0; i < rows.Length; i++)
        {
            read.Step().ShouldBeTrue();
            read.Int64(0).ShouldBe(i);
            read.Text(1).ShouldBe(rows[i].Text);
            read.Text(2).ShouldBe(rows[i].Text is null ? "null" : "text");
            read.Text(4).ShouldBe(rows[i].Blob is null ? "null" : "blob");
            read.IsNull(5).ShouldBe(rows[i].Blob is null);
            if (rows[i].Blob is { } blob)
            {
                read.Int32(5).ShouldBe(blob.Length);
            }
        }

        read.Step().ShouldBeTrue();
        read.IsNull(0).ShouldBeTrue();
        read.Text(1).ShouldBe("2.5");
        read.IsNull(3).ShouldBeTrue();
        read.Step().ShouldBeFalse();
    }
}
