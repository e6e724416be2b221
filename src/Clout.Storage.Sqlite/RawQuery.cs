using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Clout.Storage.Sqlite;

/// <summary>
/// A read-only statement stepped through SQLite's C API on an open connection (and inside its transaction), for
/// scans of millions of small rows where ADO.NET's per-value checks cost ten times the query itself (a 6M-row
/// window of roll-ups: 8 s through <see cref="SqliteDataReader"/>, under 1 s here).
/// </summary>
internal sealed class RawQuery : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    public RawQuery(SqliteConnection connection, string sql)
    {
        db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var rc = raw.sqlite3_prepare_v2(db, sql, out statement);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite could not prepare a query: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);
        }
    }

    /// <summary>Binds a 1-based parameter.</summary>
    public RawQuery Bind(int index, long value)
    {
        raw.sqlite3_bind_int64(statement, index, value);
        return this;
    }

    /// <summary>Steps to the next row; false at the end. Errors (a busy or corrupt file) throw.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(statement);
        return rc switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw new SqliteException($"SQLite failed while reading: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc),
        };
    }

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public int Int32(int column) => raw.sqlite3_column_int(statement, column);

    public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public string? Text(int column) => IsNull(column) ? null : raw.sqlite3_column_text(statement, column).utf8_to_string();

    public void Dispose() => statement.Dispose();
}
