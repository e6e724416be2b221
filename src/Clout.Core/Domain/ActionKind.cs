namespace Clout.Core.Domain;

/// <summary>What one account does to another (or to its post). Values are persisted: never renumber.</summary>
public enum ActionKind
{
    Like = 0,
    Reshare = 1,
    Reply = 2,
    Comment = 3,
    Quote = 4,
    Mention = 5,
    Follow = 6,
    Unfollow = 7,
    List = 8,
    Endorse = 9,
    Block = 10,
}
