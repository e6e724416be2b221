using Clout.Application.Sync.Connectors;

namespace Clout.Application.Sync;

/// <summary>Every live connector, by name.</summary>
public static class SyncConnectors
{
    public static IReadOnlyList<ISyncConnector> All { get; } =
    [
        new MastodonConnector(),
        new BlueskyConnector(),
        new JetstreamConnector(),
        new FeedConnector(),
        new RedditConnector(),
        new MastodonStreamConnector(),
        new YouTubeConnector(),
    ];

    public static string Names => string.Join(", ", All.Select(c => c.Name));

    public static ISyncConnector? Find(string name) =>
        All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
