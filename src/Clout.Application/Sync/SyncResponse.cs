using Clout.Importers;

namespace Clout.Application.Sync;

/// <summary>A complete response: status, body bytes (empty for 304), the server's date and its headers.</summary>
public sealed record SyncResponse(Uri Uri, int Status, byte[] Body, DateTimeOffset? Date, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public bool NotModified => Status == 304;

    /// <summary>The body as an importer maps it, named by its URI with any key or token in it hidden.</summary>
    public FetchedResponse ToFetched() => new(SyncHttp.Redact(Uri), Date, Body);
}
