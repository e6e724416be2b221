namespace Clout.Application.Sync;

/// <summary>A source could not be synced: names the source, and the URL and status where HTTP failed.</summary>
public sealed class SyncException : Exception
{
    public SyncException(string message)
        : base(message)
    {
    }

    public SyncException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SyncException()
    {
    }
}
