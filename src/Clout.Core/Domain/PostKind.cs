namespace Clout.Core.Domain;

/// <summary>What a post is. Values are persisted: never renumber.</summary>
public enum PostKind
{
    Post = 0,
    Reply = 1,
    Reshare = 2,
    Quote = 3,
}
