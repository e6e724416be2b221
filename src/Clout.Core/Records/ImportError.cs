namespace Clout.Core.Records;

/// <summary>A record that could not be read: where it is (file, line or position, field) and what was expected.</summary>
public sealed record ImportError(string Source, long Line, string? Field, string Message)
{
    public override string ToString() =>
        Field is null ? $"{Source}:{Line}: {Message}" : $"{Source}:{Line}: field '{Field}': {Message}";
}
