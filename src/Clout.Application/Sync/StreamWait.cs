namespace Clout.Application.Sync;

/// <summary>Waiting for the next message of a stream with an idle limit, without leaving a timer behind per message.</summary>
internal static class StreamWait
{
    /// <summary>
    /// True when <paramref name="task"/> completes within <paramref name="idle"/>, false when the idle time passes
    /// first. The idle timer is cancelled as soon as the task wins, and not started at all when the task has
    /// already completed (buffered data), so a busy stream does not pile up live timers.
    /// </summary>
    public static async Task<bool> CompletesWithinAsync(Task task, TimeSpan idle, TimeProvider clock)
    {
        if (task.IsCompleted)
        {
            return true;
        }

        using var timer = new CancellationTokenSource();
        var done = await Task.WhenAny(task, Task.Delay(idle, clock, timer.Token)).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        return done == task;
    }
}
