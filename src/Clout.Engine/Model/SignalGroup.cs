using Clout.Core.Domain;

namespace Clout.Engine.Model;

/// <summary>How action kinds are grouped into the signals an explanation names.</summary>
public enum SignalGroup
{
    Reshares = 0,
    Replies = 1,
    Mentions = 2,
    Likes = 3,
    Follows = 4,
    Attributions = 5,
}

/// <summary>Names and kind mapping of <see cref="SignalGroup"/>.</summary>
public static class SignalGroups
{
    public const int Count = 6;

    private static readonly string[] Names = ["reshares", "replies", "mentions", "likes", "follows", "lists_and_endorsements"];

    private static readonly string[] Labels = ["reshares and quotes", "replies and comments", "mentions", "likes", "new followers", "list adds and endorsements"];

    public static string Name(this SignalGroup group) => Names[(int)group];

    public static string Label(this SignalGroup group) => Labels[(int)group];

    public static SignalGroup Of(ActionKind kind) => kind switch
    {
        ActionKind.Reshare or ActionKind.Quote => SignalGroup.Reshares,
        ActionKind.Reply or ActionKind.Comment => SignalGroup.Replies,
        ActionKind.Mention => SignalGroup.Mentions,
        ActionKind.Like => SignalGroup.Likes,
        ActionKind.Follow or ActionKind.Unfollow or ActionKind.Block => SignalGroup.Follows,
        _ => SignalGroup.Attributions,
    };
}
