namespace Clout.Storage.ClickHouse.Http;

/// <summary>An open streamed response and its reader; disposing closes the connection's response.</summary>
internal sealed class TsvResult(HttpResponseMessage response, TsvReader reader) : IDisposable
{
    public TsvReader Reader { get; } = reader;

    public void Dispose() => response.Dispose();
}
