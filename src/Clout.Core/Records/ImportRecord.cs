using Clout.Core.Domain;

namespace Clout.Core.Records;

/// <summary>
/// One record read from a source: an account, a post, an action or a metric snapshot.
/// <see cref="Raw"/> keeps the fields of the source that the domain does not model (JSON text), so nothing is dropped.
/// </summary>
public abstract record ImportRecord(Network Network)
{
    public string? Raw { get; init; }
}
