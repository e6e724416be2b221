namespace Clout.Engine.Topics;

/// <summary>A topics file was rejected. <see cref="Errors"/> lists every problem found, not only the first.</summary>
public sealed class TopicFileException : Exception
{
    public TopicFileException(IReadOnlyList<TopicFileError> errors)
        : base(Describe(errors)) => Errors = errors;

    public TopicFileException(string message)
        : base(message) => Errors = [];

    public TopicFileException()
        : this("invalid topics file")
    {
    }

    public TopicFileException(string message, Exception inner)
        : base(message, inner) => Errors = [];

    public IReadOnlyList<TopicFileError> Errors { get; }

    private static string Describe(IReadOnlyList<TopicFileError> errors)
    {
        if (errors.Count == 0)
        {
            return "invalid topics file";
        }

        const int Shown = 20;
        var lines = errors.Take(Shown).Select(e => e.ToString());
        var more = errors.Count > Shown ? $"{Environment.NewLine}… and {errors.Count - Shown} more" : "";
        return string.Join(Environment.NewLine, lines) + more;
    }
}
