using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Clout.Core.Records;
using Clout.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const int BatchSize = 4096;

    /// <summary>Imports through the staging-table reference writer instead of the fast one (tests compare the two).</summary>
    internal bool ReferenceImport { get; init; }

    public Task<ImportCounts> ImportAsync(IEnumerable<ImportRecord> records, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(records, progress, beforeCommit: null, cancellationToken);

    /// <summary>Imports in one transaction; <paramref name="beforeCommit"/> writes more in the same transaction (a sync cursor).</summary>
    private async Task<ImportCounts> ImportAsync(IEnumerable<ImportRecord> records, IProgress<long>? progress, Action<SqliteConnection, SqliteTransaction>? beforeCommit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = Open();
        using var journal = IsEmpty(connection) ? EnterRollbackJournal(connection) : null;
        return await ImportAsync(connection, records, progress, beforeCommit, cancellationToken);
    }

    private async Task<ImportCounts> ImportAsync(SqliteConnection connection, IEnumerable<ImportRecord> records, IProgress<long>? progress, Action<SqliteConnection, SqliteTransaction>? beforeCommit, CancellationToken cancellationToken)
    {
        using var tx = connection.BeginTransaction();
        using IImportWriter writer = ReferenceImport || !SqliteImportWriter.CanWrite(connection)
            ? new SqliteReferenceImportWriter(connection, tx)
            : new SqliteImportWriter(connection);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Reading (parsing, generating) runs on its own thread while this one writes: two cores, two stages.
        using var batches = new BlockingCollection<ImportRecord[]>(boundedCapacity: 4);
        ExceptionDispatchInfo? readFailure = null;
        var reader = Task.Run(
            () =>
            {
                try
                {
                    var batch = new ImportRecord[BatchSize];
                    var n = 0;
                    foreach (var record in records)
                    {
                        batch[n++] = record;
                        if (n == BatchSize)
                        {
                            batches.Add(batch, stop.Token);
                            batch = new ImportRecord[BatchSize];
                            n = 0;
                        }
                    }

                    if (n > 0)
                    {
                        batches.Add(batch[..n], stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    readFailure = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    batches.CompleteAdding();
                }
            },
            CancellationToken.None);

        long done = 0;
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(stop.Token))
            {
                foreach (var record in batch)
                {
                    writer.Write(record);
                }

                done += batch.Length;
                progress?.Report(done);
            }
        }
        finally
        {
            // Whatever happened here, the reader must stop before the transaction is disposed.
            stop.Cancel();
            await reader;
        }

        // Invalid input stops the import: the transaction is rolled back by Dispose and nothing stays.
        readFailure?.Throw();
        cancellationToken.ThrowIfCancellationRequested();
        writer.Flush();
        beforeCommit?.Invoke(connection, tx);
        tx.Commit();
        progress?.Report(done);
        return writer.Counts;
    }

    private static bool IsEmpty(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM posts) OR EXISTS (SELECT 1 FROM actions)";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>
    /// An import into a store without accounts, posts or actions (the first load of a large history) writes with
    /// SQLite's rollback journal instead of the write-ahead log, and so does a daily run's write of its snapshots
    /// (<see cref="WriteScoresAsync"/>). Each is one transaction, so in WAL mode every
    /// page it writes stays in the log until the commit, and each read of a page that is not in the page cache then
    /// searches the log's whole index: on a 64 M-record file the rate fell from 68,000 to about 10,000 records/s as
    /// the log grew past 6 GB. With the rollback journal, pages the cache cannot hold go straight to the database
    /// file (the journal keeps only the few pages that existed before), and the import stays one atomic transaction.
    /// Leaving WAL mode needs the database to itself: this connection's idle pooled siblings are closed first, and
    /// when another connection (another process) has it open, the import keeps WAL mode. The mode is set back to WAL
    /// when the import ends, committed or not; a process that stops in between leaves a journal that the next
    /// connection rolls back, and every new connection sets WAL again (<see cref="Open"/>).
    /// </summary>
    /// <returns>What sets WAL mode back when disposed, or null when the connection stays in WAL mode.</returns>
    private static IDisposable? EnterRollbackJournal(SqliteConnection connection) =>
        TryRollbackJournal(connection) ? new WalRestore(connection) : null;

    private static bool TryRollbackJournal(SqliteConnection connection)
    {
        SqliteConnection.ClearPool(connection);
        return string.Equals(TrySetJournalMode(connection, "DELETE"), "delete", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Back to WAL mode after a write with the rollback journal. The connection leaves the pool either way.</summary>
    private sealed class WalRestore(SqliteConnection connection) : IDisposable
    {
        public void Dispose() => RestoreWal(connection);
    }

    private static void RestoreWal(SqliteConnection connection)
    {
        SqliteConnection.ClearPool(connection);

        // When busy, another connection opened the store meanwhile: it set WAL mode itself when it opened (Open), or
        // the next connection will.
        TrySetJournalMode(connection, "WAL");
    }

    /// <summary>
    /// Sets the journal mode if no other connection has the store open, without waiting: the new mode, or null when
    /// the store is busy. This goes through SQLite's C API because Microsoft.Data.Sqlite retries a busy statement
    /// itself until the command timeout (60 s) whatever SQLite's own busy timeout says: an import into an empty store
    /// that a dashboard had open waited a minute before writing in WAL mode after all.
    /// </summary>
    private static string? TrySetJournalMode(SqliteConnection connection, string mode)
    {
        var db = connection.Handle!;
        SQLitePCL.raw.sqlite3_busy_timeout(db, 0);
        try
        {
            using var pragma = new RawStatement(connection, $"PRAGMA journal_mode={mode}");
            return pragma.Step() ? pragma.Text(0) : null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            return null;
        }
        finally
        {
            SQLitePCL.raw.sqlite3_busy_timeout(db, 60_000);
        }
    }
}
