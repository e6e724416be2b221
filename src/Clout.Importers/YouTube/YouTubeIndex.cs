using System.Text.Json;
using Clout.Importers.Common;

namespace Clout.Importers.YouTube;

/// <summary>The owners of videos and the authors of comments across every response of one import.</summary>
internal sealed class YouTubeIndex
{
    private readonly Dictionary<string, string> videoChannels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> commentAuthors = new(StringComparer.Ordinal);

    /// <summary>Channels that have a full channel resource: minimal accounts are not emitted for them.</summary>
    public HashSet<string> FullChannels { get; } = new(StringComparer.Ordinal);

    public string? VideoChannel(string video) => videoChannels.GetValueOrDefault(video);

    public string? CommentAuthor(string comment) => commentAuthors.GetValueOrDefault(comment);

    public void Add(JsonElement root)
    {
        if (WebJson.Array(root, "items") is { } items)
        {
            foreach (var item in items.EnumerateArray())
            {
                AddResource(item);
            }
        }
        else
        {
            AddResource(root);
        }
    }

    private void AddResource(JsonElement item)
    {
        var snippet = WebJson.Object(item, "snippet");
        switch (WebJson.String(item, "kind"))
        {
            case "youtube#channel" when WebJson.String(item, "id") is { } id:
                FullChannels.Add(id);
                break;
            case "youtube#video" when WebJson.String(item, "id") is { } id && snippet is { } s && WebJson.String(s, "channelId") is { } channel:
                videoChannels[id] = channel;
                break;
            case "youtube#commentThread" when snippet is { } s:
                if (WebJson.Object(s, "topLevelComment") is { } top)
                {
                    AddComment(top);
                    if (WebJson.String(s, "videoId") is { } video && WebJson.String(s, "channelId") is { } owner && owner.Length > 0)
                    {
                        videoChannels.TryAdd(video, owner);
                    }
                }

                if (WebJson.Object(item, "replies") is { } replies && WebJson.Array(replies, "comments") is { } comments)
                {
                    foreach (var reply in comments.EnumerateArray())
                    {
                        AddComment(reply);
                    }
                }

                break;
            case "youtube#comment":
                AddComment(item);
                break;
        }
    }

    private void AddComment(JsonElement comment)
    {
        if (WebJson.String(comment, "id") is { } id && YouTubeResources.Author(comment) is { } author)
        {
            commentAuthors[id] = author;
        }
    }
}
