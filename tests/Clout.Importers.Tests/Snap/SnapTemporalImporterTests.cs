using System.Text;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers;
using Clout.Importers.Snap;
using Clout.Tests;

namespace Clout.Importers.Tests.Snap;

public sealed class SnapTemporalImporterTests
{
    private static List<ImportItem> Read(string text, ImportOptions? options = null) =>
        SnapTemporalImporter.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), "slice.txt", options ?? new ImportOptions()).ToList();

    [Fact]
    public void Imports_higgs_kinds_as_reshare_mention_and_reply_actions()
    {
        var items = Read("223789 213163 1341100972 MT\n223789 213163 1341100972 RE\n376989 50329 1341101181 RT\n");
        var actions = items.Select(i => i.Record).OfType<ActionRecord>().ToList();
        actions.Select(a => a.Kind).ShouldBe([ActionKind.Mention, ActionKind.Reply, ActionKind.Reshare]);
        actions[2].Actor.ShouldBe("376989");
        actions[2].Target.ShouldBe("50329");
        actions[2].Time.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1341101181));
        actions[2].Network.ShouldBe(Network.Generic);
    }

    [Fact]
    public void Keeps_a_mention_and_a_reply_of_the_same_pair_and_second_distinct()
    {
        var actions = Read("1 2 1341100972 MT\n1 2 1341100972 RE\n").Select(i => i.Record).OfType<ActionRecord>().ToList();
        actions.Select(a => a.Id).Distinct().Count().ShouldBe(2);
        actions[0].Id.ShouldBe("snap:1:2:1341100972:mention");
    }

    [Fact]
    public void Gives_untyped_edges_the_default_kind_and_network()
    {
        var actions = Read("1 2 1082040961\n", new ImportOptions { DefaultKind = ActionKind.Reply, Network = Network.X }).Select(i => i.Record).OfType<ActionRecord>().ToList();
        actions.ShouldHaveSingleItem().Kind.ShouldBe(ActionKind.Reply);
        actions[0].Network.ShouldBe(Network.X);
        Read("1 2 1082040961\n").Select(i => i.Record).OfType<ActionRecord>().Single().Kind.ShouldBe(ActionKind.Mention);
    }

    [Fact]
    public void Reports_bad_lines_with_the_line_and_field_and_goes_on()
    {
        var items = Read("# comment\n1 2 noon RT\n1 2 1341100972 XX\n1 2\n3 4 1341100972 RT\n");
        var errors = items.Where(i => i.Error is not null).Select(i => i.Error!).ToList();
        errors.Count.ShouldBe(3);
        errors[0].Line.ShouldBe(2);
        errors[0].Field.ShouldBe("unixtime");
        errors[1].Field.ShouldBe("kind");
        errors[1].Message.ShouldContain("RT, MT, RE");
        errors[2].Line.ShouldBe(4);
        items.Count(i => i.Record is ActionRecord).ShouldBe(1);
    }

    [Fact]
    public void Is_registered_and_detected_by_content()
    {
        ImporterRegistry.Find("snap-temporal").ShouldBeOfType<SnapTemporalImporter>();
        var path = SharedData.Require("collegemsg/CollegeMsg.txt");
        ImporterRegistry.Detect(path).ShouldHaveSingleItem().Format.ShouldBe("snap-temporal");
    }

    [Fact]
    public void Reads_the_whole_higgs_activity_file()
    {
        var path = SharedData.Require("higgs-twitter/higgs-activity_time.txt");
        var items = new SnapTemporalImporter().Read(path, new ImportOptions(), TestContext.Current.CancellationToken).ToList();
        items.Count(i => i.Error is not null).ShouldBe(0);
        var actions = items.Select(i => (ActionRecord)i.Record!).ToList();
        actions.Count.ShouldBe(563_069);
        actions.Select(a => a.Id).Distinct().Count().ShouldBe(563_069);
        actions.SelectMany(a => new[] { a.Actor, a.Target }).Distinct().Count().ShouldBe(304_691);
    }
}
