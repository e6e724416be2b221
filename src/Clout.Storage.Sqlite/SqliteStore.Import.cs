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
}
