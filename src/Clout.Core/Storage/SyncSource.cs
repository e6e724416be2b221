namespace Clout.Core.Storage;

/// <summary>
/// A live source that <c>clout sync</c> fetches from: a connector (<c>mastodon</c>, <c>bluesky</c>, <c>jetstream</c>,
/// <c>reddit</c>, <c>youtube</c>, <c>feed</c>), the endpoint it talks to and what it follows there (an account,
/// channel, subreddit, feed URL, or Jetstream collections and DIDs). <see cref="Cursor"/> is the connector's own
/// position (a compact JSON object); it advances only once the records before it are stored.
/// </summary>
public sealed record SyncSource(string Id, string Connector, string Endpoint, string Follow, DateTimeOffset Created)
{
    public string? Cursor { get; init; }

    public DateTimeOffset? LastRun { get; init; }

    /// <summary>Why the last run stopped early, or null when it completed.</summary>
    public string? LastError { get; init; }

    /// <summary>New records (accounts, posts, actions, metrics) the last run stored.</summary>
    public long LastCount { get; init; }
}
