namespace Clout.Engine.Graph.EdgeLists;

/// <summary>An edge list file that cannot be read, with the file and the line (text) or byte offset (binary) at fault.</summary>
public sealed class EdgeListException : FormatException
{
    public EdgeListException(string file, string position, string message)
        : base($"{file}:{position}: {message}")
    {
        File = file;
        Position = position;
    }

    public EdgeListException()
    {
        File = Position = string.Empty;
    }

    public EdgeListException(string message)
        : base(message)
    {
        File = Position = string.Empty;
    }

    public EdgeListException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = Position = string.Empty;
    }

    public string File { get; }

    public string Position { get; }
}
