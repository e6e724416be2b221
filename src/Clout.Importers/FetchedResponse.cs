namespace Clout.Importers;

/// <summary>
/// One response body fetched live by a connector: the request URI (which names it in errors and tells a mapper
/// what kind of list it is), the time the server answered, and the body bytes.
/// </summary>
public sealed record FetchedResponse(string Uri, DateTimeOffset? Date, ReadOnlyMemory<byte> Body);
