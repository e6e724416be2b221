using System.Diagnostics.CodeAnalysis;

namespace Clout.Core.Domain;

/// <summary>The lower-case names of post and action kinds in files and output.</summary>
public static class KindNames
{
    private static readonly string[] ActionNames =
        ["like", "reshare", "reply", "comment", "quote", "mention", "follow", "unfollow", "list", "endorse", "block"];

    private static readonly string[] PostNames = ["post", "reply", "reshare", "quote"];

    public static IReadOnlyList<ActionKind> AllActions { get; } = Enumerable.Range(0, ActionNames.Length).Select(i => (ActionKind)i).ToArray();

    public static string ExpectedActions { get; } = string.Join(", ", ActionNames);

    public static string ExpectedPosts { get; } = string.Join(", ", PostNames);

    public static string Name(this ActionKind kind) => ActionNames[(int)kind];

    public static string Name(this PostKind kind) => PostNames[(int)kind];

    public static bool TryParseAction(string? text, out ActionKind kind)
    {
        var i = text is null ? -1 : Array.FindIndex(ActionNames, n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (i < 0 && text is not null && text.Trim().Equals("retweet", StringComparison.OrdinalIgnoreCase))
        {
            i = (int)ActionKind.Reshare;
        }

        kind = i < 0 ? default : (ActionKind)i;
        return i >= 0;
    }

    public static bool TryParsePost(string? text, out PostKind kind)
    {
        var i = text is null ? -1 : Array.FindIndex(PostNames, n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        kind = i < 0 ? default : (PostKind)i;
        return i >= 0;
    }

    [SuppressMessage("Design", "CA1021", Justification = "Try pattern")]
    public static bool IsEngagement(this ActionKind kind) => kind is not (ActionKind.Follow or ActionKind.Unfollow or ActionKind.Block);
}
