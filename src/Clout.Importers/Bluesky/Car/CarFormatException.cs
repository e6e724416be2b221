namespace Clout.Importers.Bluesky.Car;

/// <summary>A CAR file that cannot be read on: where (byte offset in the file) and, when known, the block's CID.</summary>
public sealed class CarFormatException : Exception
{
    public CarFormatException(string message, long offset, Cid? cid = null)
        : base(message)
    {
        Offset = offset;
        Cid = cid;
    }

    public CarFormatException()
    {
    }

    public CarFormatException(string message)
        : base(message)
    {
    }

    public CarFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Offset { get; }

    public Cid? Cid { get; }
}
