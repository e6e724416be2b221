namespace Clout.Importers.Common;

/// <summary>A record-level problem in a web API or feed document: <see cref="Field"/> names the JSON path or element.</summary>
internal sealed class WebFieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
