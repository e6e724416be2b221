namespace Clout.Engine.Topics;

/// <summary>
/// A problem in a topics file: the file, the topic's position in its <c>topics</c> array (-1 for the file itself),
/// the topic's slug when known, the field, and what was expected.
/// </summary>
public sealed record TopicFileError(string Source, int Index, string? Slug, string? Field, string Message)
{
    public override string ToString()
    {
        var where = Index < 0 ? Source : Slug is null ? $"{Source}: topics[{Index}]" : $"{Source}: topics[{Index}] ('{Slug}')";
        return Field is null ? $"{where}: {Message}" : $"{where}: field '{Field}': {Message}";
    }
}
