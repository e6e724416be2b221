using System.Diagnostics;

namespace Clout.Tests;

/// <summary>
/// Runs the real <c>clout</c> executable, as a user would, and captures what it prints. The store and the sync
/// tokens of the environment running the tests are not passed on, so a run uses only what its arguments name.
/// </summary>
public static class CloutProcess
{
    /// <summary>Runs clout with <paramref name="args"/> in <paramref name="workingDirectory"/> (null: this process's).</summary>
    public static async Task<(int Exit, string Out, string Error)> RunAsync(string? workingDirectory, params string[] args)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "clout.exe" : "clout");
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var variable in (string[])["CLOUT_DB", "CLOUT_STORE", "CLOUT_MASTODON_TOKEN", "CLOUT_REDDIT_TOKEN", "CLOUT_YOUTUBE_KEY"])
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
