using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Core.Storage;

namespace Clout.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public async Task<ImportCounts> ImportAsync(IEnumerable<ImportRecord> records, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = Open();
        using var tx = connection.BeginTransaction();
        using var writer = new SqliteImportWriter(connection, tx);
        long done = 0;
        foreach (var record in records)
        {
            // Enumerating may throw on invalid input: the transaction is then rolled back by Dispose, so nothing of this import stays.
            cancellationToken.ThrowIfCancellationRequested();
            writer.Write(record);
            if (++done % 20_000 == 0)
            {
                progress?.Report(done);
            }
        }

        tx.Commit();
        progress?.Report(done);
        return writer.Counts;
    }
}
