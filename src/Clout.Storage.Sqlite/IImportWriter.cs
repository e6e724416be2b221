using Clout.Core.Records;
using Clout.Core.Storage;

namespace Clout.Storage.Sqlite;

/// <summary>Writes imported records into the tables inside the caller's transaction.</summary>
internal interface IImportWriter : IDisposable
{
    ImportCounts Counts { get; }

    void Write(ImportRecord record);

    /// <summary>Writes whatever is held back (staged rows, roll-up sums); call before committing.</summary>
    void Flush();
}
