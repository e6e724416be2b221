namespace Clout.Importers.Common;

/// <summary>A field of one source record is missing or mistyped; readers turn it into an ImportError and go on.</summary>
internal sealed class JsonFieldProblem(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
