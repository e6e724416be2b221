namespace Clout.Engine.Ranking;

/// <summary>
/// Dedicated threads that run numbered parts of a step together with the caller, claiming parts from a shared
/// counter. Starting a step allocates nothing, unlike a Parallel.For per step.
/// </summary>
internal sealed class WorkerGroup : IDisposable
{
    private readonly Thread[] threads;
    private readonly Barrier barrier;
    private Action<int>? work;
    private int parts;
    private int nextPart;
    private bool stopping;
    private Exception? failure;

    public WorkerGroup(int threadCount)
    {
        var helpers = Math.Max(0, threadCount - 1);
        barrier = new Barrier(helpers + 1);
        threads = new Thread[helpers];
        for (var i = 0; i < helpers; i++)
        {
            threads[i] = new Thread(Loop) { IsBackground = true, Name = $"clout-rank-{i + 1}" };
            threads[i].Start();
        }
    }

    /// <summary>Runs <paramref name="step"/> for parts 0..count-1 across the group and returns when all are done.</summary>
    public void Run(Action<int> step, int count)
    {
        work = step;
        parts = count;
        nextPart = -1;
        failure = null;
        barrier.SignalAndWait();
        Claim();
        barrier.SignalAndWait();
        if (failure is not null)
        {
            throw new AggregateException(failure);
        }
    }

    public void Dispose()
    {
        stopping = true;
        if (threads.Length > 0)
        {
            barrier.SignalAndWait();
            foreach (var thread in threads)
            {
                thread.Join();
            }
        }

        barrier.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            barrier.SignalAndWait();
            if (stopping)
            {
                return;
            }

            Claim();
            barrier.SignalAndWait();
        }
    }

    private void Claim()
    {
        int part;
        while ((part = Interlocked.Increment(ref nextPart)) < parts)
        {
            try
            {
                work!(part);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }
    }
}
