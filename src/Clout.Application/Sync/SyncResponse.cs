namespace Clout.Application.Sync;

/// <summary>A complete response: status, body bytes (empty for 304), the server's date and its headers.</summary>
public sealed record SyncResponse(Uri Uri, int Status, byte[] Body, DateTimeOffset? Date, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public bool NotModified => Status == 304;
}
