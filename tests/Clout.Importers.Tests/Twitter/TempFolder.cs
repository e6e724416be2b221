namespace Clout.Importers.Tests.Twitter;

/// <summary>A temporary folder for broken copies of fixtures, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "clout-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies the files of a folder (not recursive) into this one.</summary>
    public void CopyFrom(string folder, params string[] except)
    {
        foreach (var f in Directory.GetFiles(folder))
        {
            var name = System.IO.Path.GetFileName(f);
            if (!except.Contains(name))
            {
                System.IO.File.Copy(f, File(name));
                System.IO.File.SetAttributes(File(name), FileAttributes.Normal);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
