using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Clout.Storage.Sqlite;

/// <summary>
/// SQLite's row functions called straight from the native library that SQLitePCL loads (e_sqlite3), on a statement
/// pointer that the caller keeps alive (<see cref="RawStatement"/>). The column reads and binds only read or set a
/// value of the current row, on a connection that one thread uses at a time (the connection's mutex they take is
/// never contended), so they skip the runtime's transition to native code; stepping reads the file and keeps it.
/// Reading a day's window calls these a few times per row for tens of millions of rows.
/// </summary>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies a bound text or blob before the call returns.</summary>
    internal static readonly nint Transient = -1;

    [LibraryImport(Library)]
    internal static partial int sqlite3_step(nint statement);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    internal static partial long sqlite3_column_int64(nint statement, int column);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    internal static partial int sqlite3_column_int(nint statement, int column);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    internal static partial int sqlite3_column_type(nint statement, int column);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    internal static partial byte* sqlite3_column_text(nint statement, int column);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    internal static partial int sqlite3_column_bytes(nint statement, int column);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    internal static partial int sqlite3_bind_int64(nint statement, int index, long value);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    internal static partial int sqlite3_bind_double(nint statement, int index, double value);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    internal static partial int sqlite3_bind_null(nint statement, int index);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    internal static partial int sqlite3_bind_zeroblob(nint statement, int index, int length);

    [LibraryImport(Library)]
    internal static partial int sqlite3_bind_blob(nint statement, int index, byte* value, int length, nint destructor);

    [LibraryImport(Library)]
    internal static partial int sqlite3_bind_text16(nint statement, int index, char* value, int length, nint destructor);
}
