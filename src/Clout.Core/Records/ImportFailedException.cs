namespace Clout.Core.Records;

/// <summary>An import stopped on invalid input. Nothing from it was stored.</summary>
public sealed class ImportFailedException : Exception
{
    public ImportFailedException(IReadOnlyList<ImportError> errors)
        : base(errors.Count == 0 ? "import failed" : errors[0].ToString()) => Errors = errors;

    public ImportFailedException(string message)
        : base(message) => Errors = [];

    public ImportFailedException()
        : this("import failed")
    {
    }

    public ImportFailedException(string message, Exception inner)
        : base(message, inner) => Errors = [];

    public IReadOnlyList<ImportError> Errors { get; }
}
