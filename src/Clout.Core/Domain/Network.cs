namespace Clout.Core.Domain;

/// <summary>A social network an account lives on. Values are persisted: never renumber.</summary>
public enum Network
{
    Generic = 0,
    X = 1,
    Mastodon = 2,
    Bluesky = 3,
    Reddit = 4,
    YouTube = 5,
    Blog = 6,
    Facebook = 7,
    Instagram = 8,
    LinkedIn = 9,
}
