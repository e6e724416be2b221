namespace Clout.Application.Sync;

/// <summary>One network's live connector: how a source is described, checked, and fetched from incrementally.</summary>
public interface ISyncConnector
{
    /// <summary>The name given to <c>clout sync add</c>, such as <c>mastodon</c>.</summary>
    string Name { get; }

    /// <summary>One line for help: what FOLLOW is and what the endpoint defaults to.</summary>
    string Description { get; }

    /// <summary>The endpoint used when <c>--endpoint</c> is not given.</summary>
    string DefaultEndpoint { get; }

    /// <summary>True when the connector reads a stream that <c>--follow</c> can keep open.</summary>
    bool Streams { get; }

    /// <summary>
    /// The canonical form of what to follow, or an <see cref="ArgumentException"/> naming the argument and what was
    /// expected. Checks the text only; nothing is fetched.
    /// </summary>
    string NormalizeFollow(string follow);

    /// <summary>Fetches what is new since the run's cursor, storing page by page through <see cref="SyncRun.StoreAsync"/>.</summary>
    Task RunAsync(SyncRun run, CancellationToken cancellationToken);
}
