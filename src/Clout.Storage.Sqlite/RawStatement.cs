using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Clout.Storage.Sqlite;

/// <summary>
/// A prepared statement bound and stepped through SQLite's C API on an open connection (and inside its
/// transaction), for reads and writes of millions of small rows where ADO.NET's parameter objects and per-value
/// checks cost more than SQLite's own work (a 6M-row window of roll-ups: 8 s through <see cref="SqliteDataReader"/>,
/// under 1 s here). Bindings are kept until rebound; <see cref="Execute"/> and <see cref="ScalarInt64"/> reset the
/// statement, <see cref="Step"/> walks its rows. Stepping, the column reads and the number binds call SQLite
/// directly on the statement's pointer (<see cref="SqliteNative"/>), which this object keeps alive, instead of
/// through SQLitePCL, whose every call counts a reference on the statement's safe handle.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly nint handle;
    private bool referenced;

    public RawStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var rc = raw.sqlite3_prepare_v2(db, sql, out statement);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite could not prepare a statement: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);
        }

        statement.DangerousAddRef(ref referenced);
        handle = statement.DangerousGetHandle();
    }

    /// <summary>Binds a 1-based parameter.</summary>
    public RawStatement Bind(int index, long value) => Check(SqliteNative.sqlite3_bind_int64(handle, index, value));

    public RawStatement Bind(int index, long? value) => Check(value is { } v ? SqliteNative.sqlite3_bind_int64(handle, index, v) : SqliteNative.sqlite3_bind_null(handle, index));

    public RawStatement Bind(int index, double value) => Check(SqliteNative.sqlite3_bind_double(handle, index, value));

    public RawStatement Bind(int index, double? value) => Check(value is { } v ? SqliteNative.sqlite3_bind_double(handle, index, v) : SqliteNative.sqlite3_bind_null(handle, index));

    public unsafe RawStatement Bind(int index, byte[]? value)
    {
        if (value is null)
        {
            return Check(SqliteNative.sqlite3_bind_null(handle, index));
        }

        // An empty array would reach SQLite as a null pointer and be stored as NULL; SQLite copies the bytes.
        fixed (byte* bytes = value)
        {
            return Check(value.Length == 0
                ? SqliteNative.sqlite3_bind_zeroblob(handle, index, 0)
                : SqliteNative.sqlite3_bind_blob(handle, index, bytes, value.Length, SqliteNative.Transient));
        }
    }

    public unsafe RawStatement Bind(int index, string? value)
    {
        if (value is null)
        {
            return Check(SqliteNative.sqlite3_bind_null(handle, index));
        }

        // A fixed string points at its characters even when empty (at the terminator), so '' stays ''; SQLite copies
        // the text.
        fixed (char* text = value)
        {
            return Check(SqliteNative.sqlite3_bind_text16(handle, index, text, value.Length * sizeof(char), SqliteNative.Transient));
        }
    }

    /// <summary>Steps to the next row; false at the end. Errors (a busy or corrupt file) throw.</summary>
    public bool Step()
    {
        var rc = SqliteNative.sqlite3_step(handle);
        return rc switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw Failure(rc),
        };
    }

    public long Int64(int column) => SqliteNative.sqlite3_column_int64(handle, column);

    public int Int32(int column) => SqliteNative.sqlite3_column_int(handle, column);

    public bool IsNull(int column) => SqliteNative.sqlite3_column_type(handle, column) == raw.SQLITE_NULL;

    public unsafe string? Text(int column)
    {
        if (IsNull(column))
        {
            return null;
        }

        // The text first, then its length in bytes (SQLite's order: asking for the text may convert the value).
        var text = SqliteNative.sqlite3_column_text(handle, column);
        return text is null
            ? throw Failure(raw.SQLITE_NOMEM) // a value that is not NULL has a text unless SQLite ran out of memory
            : System.Text.Encoding.UTF8.GetString(text, SqliteNative.sqlite3_column_bytes(handle, column));
    }

    /// <summary>Runs a statement that returns no rows and gives the number of rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(statement);
        if (rc != raw.SQLITE_DONE)
        {
            var failure = Failure(rc);
            raw.sqlite3_reset(statement);
            throw failure;
        }

        raw.sqlite3_reset(statement);
        return raw.sqlite3_changes(db);
    }

    /// <summary>Runs a statement and gives the first column of its first row, or null when it returns none.</summary>
    public long? ScalarInt64()
    {
        var rc = raw.sqlite3_step(statement);
        try
        {
            return rc switch
            {
                raw.SQLITE_ROW => raw.sqlite3_column_int64(statement, 0),
                raw.SQLITE_DONE => null,
                _ => throw Failure(rc),
            };
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>The row id of the last row inserted on this connection.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(db);

    private RawStatement Check(int rc) => rc == raw.SQLITE_OK ? this : throw Failure(rc);

    private SqliteException Failure(int rc) => new($"SQLite failed: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);

    public void Dispose()
    {
        if (referenced)
        {
            referenced = false;
            statement.DangerousRelease();
        }

        statement.Dispose();
    }
}
