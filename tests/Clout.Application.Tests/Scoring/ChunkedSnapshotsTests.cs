using Clout.Application.Scoring;
using Clout.Core.Scoring;
using Shouldly;

namespace Clout.Application.Tests.Scoring;

public sealed class ChunkedSnapshotsTests
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    private static ScoreSnapshot Snap(int i) => new($"p{i}", Day, "v1", 10 + (i % 90), "10-20");

    [Fact]
    public void Items_are_built_on_first_read_in_chunks_and_only_the_last_chunks_are_kept()
    {
        var builds = 0;
        var list = new ChunkedSnapshots(25, i =>
        {
            Interlocked.Increment(ref builds);
            return Snap(i);
        }, chunkSize: 4);

        list.Count.ShouldBe(25);
        builds.ShouldBe(0);
        list.Select(s => s.Person).ShouldBe(Enumerable.Range(0, 25).Select(i => $"p{i}"));
        builds.ShouldBe(25);
        list.ChunksBuilt.ShouldBe(7);

        // The last three chunks (indexes 16–24) are still there; the first was dropped and is built again, the same.
        list[17].Person.ShouldBe("p17");
        list[24].Person.ShouldBe("p24");
        list.ChunksBuilt.ShouldBe(7);
        list[1].Person.ShouldBe("p1");
        list.ChunksBuilt.ShouldBe(8);
    }

    [Fact]
    public void A_chunk_read_from_several_threads_at_once_is_built_once()
    {
        var list = new ChunkedSnapshots(10_000, Snap, chunkSize: 1000);
        for (var chunk = 0; chunk < 10; chunk++)
        {
            Parallel.For(chunk * 1000, (chunk + 1) * 1000, i => list[i].Person.ShouldBe($"p{i}"));
        }

        list.ChunksBuilt.ShouldBe(10);
    }

    [Fact]
    public void Reading_outside_the_list_is_an_error()
    {
        var list = new ChunkedSnapshots(3, Snap);
        Should.Throw<ArgumentOutOfRangeException>(() => list[3]);
        Should.Throw<ArgumentOutOfRangeException>(() => list[-1]);
    }
}
