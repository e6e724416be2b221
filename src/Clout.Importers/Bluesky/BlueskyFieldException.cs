namespace Clout.Importers.Bluesky;

/// <summary>A record field that is missing or mistyped: the field's path in the record and what was expected.</summary>
internal sealed class BlueskyFieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
