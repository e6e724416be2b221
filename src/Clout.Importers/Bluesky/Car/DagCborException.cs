namespace Clout.Importers.Bluesky.Car;

/// <summary>Bytes that are not strict DAG-CBOR. <see cref="Offset"/> is the byte offset in the decoded buffer.</summary>
public sealed class DagCborException : Exception
{
    public DagCborException(string message, long offset)
        : base(message) => Offset = offset;

    public DagCborException()
    {
    }

    public DagCborException(string message)
        : base(message)
    {
    }

    public DagCborException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Offset { get; }
}
