using System.IO.Compression;
using System.Text;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers;
using Clout.Importers.Snap;
using Clout.Tests;

namespace Clout.Importers.Tests.Snap;

public sealed class SnapFollowsImporterTests
{
    private static readonly DateOnly Day = new(2012, 7, 1);

    private static List<ImportItem> Read(string text) =>
        SnapFollowsImporter.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), "follows.txt", new ImportOptions { SnapshotDate = Day }).ToList();

    [Fact]
    public void Imports_edges_as_follows_of_the_second_node_by_the_first()
    {
        var actions = Read("12 13\n12 14\n13 14\n12 13\n").Select(i => i.Record).OfType<ActionRecord>().ToList();
        actions.Count.ShouldBe(3); // the repeated edge says nothing new
        actions[0].Kind.ShouldBe(ActionKind.Follow);
        actions[0].Actor.ShouldBe("12");
        actions[0].Target.ShouldBe("13");
        actions[0].Time.ShouldBe(new DateTimeOffset(2012, 7, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Counts_followers_and_following_per_node()
    {
        var metrics = Read("12 13\n12 14\n13 14\n").Select(i => i.Record).OfType<MetricsRecord>().ToDictionary(m => m.Account);
        metrics["14"].Followers.ShouldBe(2);
        metrics["12"].Following.ShouldBe(2);
        metrics["12"].Followers.ShouldBe(0);
        metrics["14"].Date.ShouldBe(Day);
    }

    [Fact]
    public void Reports_lines_that_are_not_two_ids()
    {
        var error = Read("12 13 14\n").Single(i => i.Error is not null).Error!;
        error.Line.ShouldBe(1);
        error.Message.ShouldContain("a follows b");
    }

    [Fact]
    public void Reads_the_gzipped_ego_twitter_graph_head()
    {
        var path = SharedData.Require("ego-twitter/twitter_combined_rebuilt.txt.gz");
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var head = new StringBuilder();
        for (var i = 0; i < 5_000 && reader.ReadLine() is { } line; i++)
        {
            head.Append(line).Append('\n');
        }

        var items = Read(head.ToString());
        items.Count(i => i.Error is not null).ShouldBe(0);
        items.Count(i => i.Record is ActionRecord).ShouldBeGreaterThan(4_000);
        ImporterRegistry.Find("snap-follows").ShouldBeOfType<SnapFollowsImporter>();
    }
}
