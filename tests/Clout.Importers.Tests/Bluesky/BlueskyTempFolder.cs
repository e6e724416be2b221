namespace Clout.Importers.Tests.Bluesky;

/// <summary>A temporary folder for broken inputs written by a test, deleted afterwards.</summary>
internal sealed class BlueskyTempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("clout-bluesky-").FullName;

    public string Write(string name, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
