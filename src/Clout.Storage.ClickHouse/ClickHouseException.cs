namespace Clout.Storage.ClickHouse;

/// <summary>A ClickHouse node refused a request or could not be reached. <see cref="Code"/> is ClickHouse's error code, 0 when unknown.</summary>
public sealed class ClickHouseException : Exception
{
    public ClickHouseException()
    {
    }

    public ClickHouseException(string message)
        : base(message)
    {
    }

    public ClickHouseException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ClickHouseException(string message, int code, bool transient, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Transient = transient;
    }

    public int Code { get; }

    /// <summary>True when retrying the same request may succeed (network error, node restarting, overload).</summary>
    public bool Transient { get; }
}
