using System.Text.Json.Nodes;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Feeds;

/// <summary>What a feed says about its blog, gathered from the elements before the first item.</summary>
internal sealed class FeedHeader
{
    public string? Title { get; set; }

    public string? SiteLink { get; set; }

    public string? SelfLink { get; set; }

    /// <summary>The Atom id, RSS 1.0 channel rdf:about or JSON Feed's feed_url: the last resort for the blog id.</summary>
    public string? FeedId { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset? Updated { get; set; }

    public JsonObject Extra { get; } = [];

    /// <summary>The blog's account id: the site link, else the feed's own URL, else the feed's id.</summary>
    public string? BlogId() =>
        SiteLink is not null ? FeedBlog.Normalize(SiteLink)
        : SelfLink is not null ? FeedBlog.Normalize(SelfLink)
        : FeedId is not null ? FeedBlog.Normalize(FeedId)
        : null;

    public AccountRecord Account(string id, string? person)
    {
        if (SelfLink is not null && SiteLink is not null)
        {
            Extra["feed"] = SelfLink;
        }

        var url = SiteLink ?? SelfLink;
        return new AccountRecord(Network.Blog, id)
        {
            Handle = FeedBlog.Host(id),
            Name = Title,
            Bio = string.IsNullOrEmpty(Description) ? null : Description,
            Url = url is not null && url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? url.Trim() : null,
            Person = person,
            Raw = Extra.Count == 0 ? null : Extra.ToJsonString(WebJson.RawNodes),
        };
    }
}
