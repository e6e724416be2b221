namespace Clout.Core.Storage;

/// <summary>
/// An API key as stored: never the key itself, only its SHA-256 <see cref="Hash"/> (hex). <see cref="Id"/> is the
/// public part of the key, shown in lists and used to revoke it. Null limits mean the server's defaults.
/// </summary>
public sealed record ApiKey(string Id, string Name, string Hash, DateTimeOffset Created)
{
    public DateTimeOffset? Revoked { get; init; }

    public int? PerSecond { get; init; }

    public int? PerDay { get; init; }
}
