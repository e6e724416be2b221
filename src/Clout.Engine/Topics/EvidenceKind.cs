namespace Clout.Engine.Topics;

/// <summary>Which kind of signal matched. Persisted: values are frozen.</summary>
public enum EvidenceKind : byte
{
    Hashtag = 1,
    Keyword = 2,
    Domain = 3,
}
