namespace Clout.Application.Identity;

/// <summary>The forms a profile reference takes.</summary>
public enum ReferenceKind
{
    Url,
    MastodonAddress,
    BlueskyHandle,
}
