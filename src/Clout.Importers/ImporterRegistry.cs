namespace Clout.Importers;

/// <summary>Every import format Clout knows, by name, and detection of a format from a path.</summary>
public static class ImporterRegistry
{
    public static IReadOnlyList<IImporter> All { get; } =
    [
        new Interchange.JsonLinesImporter(),
        new Twitter.TwitterArchiveImporter(),
        new Twitter.TwitterApiImporter(),
        new Mastodon.MastodonArchiveImporter(),
        new Mastodon.MastodonApiImporter(),
        new Bluesky.BlueskyCarImporter(),
        new Bluesky.BlueskyJetstreamImporter(),
        new Reddit.RedditImporter(),
        new YouTube.YouTubeImporter(),
        new Feeds.FeedImporter(),
        new Feeds.WordPressImporter(),
        new Snap.SnapTemporalImporter(),
        new Snap.SnapFollowsImporter(),
    ];

    public static string Names => string.Join(", ", All.Select(i => i.Format));

    public static IImporter? Find(string format) =>
        All.FirstOrDefault(i => i.Format.Equals(format, StringComparison.OrdinalIgnoreCase));

    /// <summary>The formats that recognise the path; detection succeeds when exactly one does.</summary>
    public static IReadOnlyList<IImporter> Detect(string path) => All.Where(i => i.CanRead(path)).ToArray();
}
