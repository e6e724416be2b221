namespace Clout.Tests;

/// <summary>
/// Where the real datasets and fixtures are: <c>CLOUT_SHARED_DATA</c>, or <c>../shared/data</c> beside the
/// repository. Tests that need them call <see cref="Require"/>, which skips with a message when they are absent.
/// </summary>
public static class SharedData
{
    public static string? Root { get; } = Find();

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The full path of a file or folder under the shared data, or a skip when it is not there.</summary>
    public static string Require(string relative)
    {
        if (Root is null)
        {
            Assert.Skip("shared data not found: set CLOUT_SHARED_DATA to the folder with the real datasets (default ../shared/data beside the repository)");
        }

        var path = Path.Combine(Root, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"shared data '{relative}' not found under {Root}; set CLOUT_SHARED_DATA to enable this test");
        }

        return path;
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("CLOUT_SHARED_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        }

        var candidate = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "data"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Clout.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
