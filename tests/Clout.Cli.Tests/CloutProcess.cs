using System.Diagnostics;

namespace Clout.Cli.Tests;

/// <summary>Runs the real <c>clout</c> executable, as a user would, and captures what it prints.</summary>
internal static class CloutProcess
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "clout.exe" : "clout");
        var start = new ProcessStartInfo(exe)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("CLOUT_DB");
        start.Environment.Remove("CLOUT_STORE");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
