using System.Text.Json;

namespace Clout.Importers.Common;

/// <summary>
/// One API response body: a whole JSON file, or one recorded interaction of a cassette. <see cref="Source"/> names
/// it in errors and <see cref="Json"/> holds its bytes to find the lines of errors; <see cref="RecordedAt"/> is when it was fetched, when the cassette says.
/// </summary>
internal sealed record RecordedBody(string Source, JsonDocument Document, ReadOnlyMemory<byte> Json, DateTimeOffset? RecordedAt, string? Uri) : IDisposable
{
    public void Dispose() => Document.Dispose();
}
