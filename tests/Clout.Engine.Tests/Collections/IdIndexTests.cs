using Clout.Engine.Collections;

namespace Clout.Engine.Tests.Collections;

public sealed class IdIndexTests
{
    [Fact]
    public void Dense_ids_map_like_a_hash_map_including_missing_and_far_away_ids()
    {
        long[] ids = [5, 7, 6, 12, 9];
        int[] values = [0, 1, 2, 3, 4];
        var index = new IdIndex(ids, values);
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.True(index.TryGet(ids[i], out var v));
            Assert.Equal(values[i], v);
        }

        foreach (var missing in new[] { 4L, 8, 13, 0, -1, long.MinValue, long.MaxValue })
        {
            Assert.False(index.TryGet(missing, out var v));
            Assert.Equal(-1, v);
        }
    }

    [Fact]
    public void Sparse_hashed_ids_use_the_map()
    {
        var random = new Random(3);
        var ids = Enumerable.Range(0, 10_000).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).Distinct().ToArray();
        var values = Enumerable.Range(0, ids.Length).ToArray();
        var index = new IdIndex(ids, values);
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.True(index.TryGet(ids[i], out var v));
            Assert.Equal(i, v);
        }

        Assert.False(index.TryGet(12345, out _));
    }

    [Fact]
    public void Empty_index_finds_nothing()
    {
        var index = new IdIndex([], []);
        Assert.False(index.TryGet(1, out _));
    }
}
