namespace Clout.Engine.Topics;

/// <summary>Where the matched text came from. Persisted: values are frozen.</summary>
public enum EvidenceSource : byte
{
    /// <summary>A post, reply, comment or any other content the person wrote.</summary>
    Post = 1,

    /// <summary>The person's profile: bio, name, link.</summary>
    Profile = 2,

    /// <summary>The name of a list someone else put the person on: an attribution by others.</summary>
    ListName = 3,
}
