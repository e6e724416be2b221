using System.Diagnostics;
using Clout.Application.Progress;

namespace Clout.Cli.Infrastructure;

/// <summary>
/// Progress of long work on stderr: phase, count done, rate and, when the total is known, a bar and an ETA.
/// On a terminal the line is redrawn in place; otherwise a plain line is written every few seconds. A phase given as
/// text has no known total; a <see cref="WorkPhase"/> also sets the unit and total of the counts that follow.
/// </summary>
public sealed class ProgressReporter : IProgress<long>, IProgress<string>, IProgress<WorkPhase>, IDisposable
{
    private readonly TextWriter error;
    private readonly bool interactive;
    private readonly bool quiet;
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly object gate = new();
    private string phase;
    private long total;
    private long done;
    private TimeSpan lastDraw;
    private TimeSpan phaseStart;
    private bool drawn;
    private bool drewInPlace;

    public ProgressReporter(TextWriter error, string phase, bool quiet)
    {
        this.error = error;
        this.phase = phase;
        this.quiet = quiet;
        interactive = !Console.IsErrorRedirected;
    }

    public string Unit { get; private set; } = "records";

    public void Report(long value)
    {
        lock (gate)
        {
            done = value;
            Draw(force: false);
        }
    }

    public void Report(string value) => Report(new WorkPhase(value, Unit, 0));

    public void Report(WorkPhase value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            phase = value.Description;
            Unit = value.Unit;
            total = value.Total;
            phaseStart = watch.Elapsed;
            done = 0;
            Draw(force: true);
        }
    }

    private void Draw(bool force)
    {
        if (quiet)
        {
            return;
        }

        var now = watch.Elapsed;
        var interval = interactive ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
        if (!force && drawn && now - lastDraw < interval)
        {
            return;
        }

        lastDraw = now;
        drawn = true;
        // The rate is the current phase's, so a fast phase after a slow one does not look slow.
        var inPhase = (now - phaseStart).TotalSeconds;
        var rate = inPhase > 0 ? done / inPhase : 0;
        var text = done > 0 ? $"{phase}: {done:N0} {Unit} ({rate:N0}/s, {now:mm\\:ss})" : $"{phase} ({now:mm\\:ss})";
        if (total > 0 && done > 0)
        {
            var share = Math.Min(1.0, done / (double)total);
            var filled = (int)(share * 24);
            var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
            text = $"[{new string('#', filled)}{new string('.', 24 - filled)}] {share:P0} {text}, ETA {eta:mm\\:ss}";
        }

        if (interactive)
        {
            error.Write("\r\u001b[2K" + text);
            drewInPlace = true;
        }
        else
        {
            error.WriteLine(text);
        }
    }

    public void Dispose()
    {
        if (interactive && drewInPlace)
        {
            error.Write("\r\u001b[2K");
        }
    }
}
