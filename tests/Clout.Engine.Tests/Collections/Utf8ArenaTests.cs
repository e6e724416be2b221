using Clout.Engine.Collections;
using Shouldly;

namespace Clout.Engine.Tests.Collections;

public sealed class Utf8ArenaTests
{
    [Fact]
    public void Strings_come_back_as_they_went_in()
    {
        var arena = new Utf8Arena();
        string[] values = ["", "plain ascii #higgs", "çà et là — ünïcödé", "emoji 🚀 and 中文", new string('x', 1000)];
        foreach (var (v, i) in values.Select((v, i) => (v, i)))
        {
            arena.Add(v).ShouldBe(i);
        }

        arena.Count.ShouldBe(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            arena[i].ShouldBe(values[i]);
        }
    }

    [Fact]
    public void Strings_that_do_not_fit_the_current_block_start_a_new_one_and_huge_ones_get_their_own()
    {
        var arena = new Utf8Arena();
        var chunk = new string('a', 5_000_000);
        var huge = new string('h', 20_000_000);
        arena.Add(chunk + "1");
        arena.Add(chunk + "2");
        arena.Add(chunk + "3");
        arena.Add(chunk + "4"); // does not fit in the rest of the first block (16 MiB)
        arena.Add(huge);
        arena.Add("after");

        arena[0].ShouldBe(chunk + "1");
        arena[3].ShouldBe(chunk + "4");
        arena[4].ShouldBe(huge);
        arena[5].ShouldBe("after");
        arena.Bytes(5).Length.ShouldBe(5);
        arena.Capacity.ShouldBe((2L << 24) + 20_000_000 + (1L << 24));
    }
}
