using System.Collections;
using Clout.Core.Scoring;

namespace Clout.Application.Scoring;

/// <summary>
/// A daily run's snapshots as a list that builds them a chunk at a time, on every core, when a chunk is first read,
/// and keeps only the last few chunks. A store writes a day by walking the list in order (encoding one chunk while
/// inserting the one before), so a run holds a few thousand explanations instead of one per person. Building is
/// pure, so a chunk read again after it was dropped comes back the same. <c>progress</c> is told the number of
/// snapshots built so far after each chunk.
/// </summary>
public sealed class ChunkedSnapshots(int count, Func<int, ScoreSnapshot> build, int chunkSize = ChunkedSnapshots.DefaultChunkSize, IProgress<long>? progress = null) : IReadOnlyList<ScoreSnapshot>
{
    public const int DefaultChunkSize = 8192;

    /// <summary>Chunks kept: the one being written, the one being encoded and one spare.</summary>
    private const int Kept = 3;

    private readonly Lock gate = new();
    private readonly List<(int Chunk, Lazy<ScoreSnapshot[]> Items)> kept = [];
    private long built;

    public int Count => count;

    /// <summary>Chunks built so far (a chunk read again after it was dropped counts again).</summary>
    public int ChunksBuilt { get; private set; }

    public ScoreSnapshot this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            var chunk = index / chunkSize;
            return Chunk(chunk).Value[index - (chunk * chunkSize)];
        }
    }

    private Lazy<ScoreSnapshot[]> Chunk(int chunk)
    {
        lock (gate)
        {
            foreach (var (c, items) in kept)
            {
                if (c == chunk)
                {
                    return items;
                }
            }

            var built = new Lazy<ScoreSnapshot[]>(() => BuildChunk(chunk), LazyThreadSafetyMode.ExecutionAndPublication);
            kept.Add((chunk, built));
            if (kept.Count > Kept)
            {
                kept.RemoveAt(0);
            }

            return built;
        }
    }

    private ScoreSnapshot[] BuildChunk(int chunk)
    {
        var from = chunk * chunkSize;
        var items = new ScoreSnapshot[Math.Min(chunkSize, count - from)];
        Parallel.For(0, items.Length, i => items[i] = build(from + i));
        long done;
        lock (gate)
        {
            ChunksBuilt++;
            done = built += items.Length;
        }

        progress?.Report(Math.Min(done, count));
        return items;
    }

    public IEnumerator<ScoreSnapshot> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
