using System.IO.Compression;
using System.Text;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers;
using Clout.Importers.Interchange;

namespace Clout.Importers.Tests.Interchange;

public class JsonLinesImporterTests
{
    private static List<ImportItem> Read(string text) =>
        JsonLinesImporter.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), "in.jsonl").ToList();

    private static ImportError SingleError(string line)
    {
        var items = Read(line);
        items.Count.ShouldBe(1);
        return items[0].Error.ShouldNotBeNull();
    }

    [Fact]
    public void Reads_the_four_record_types_of_the_issue_examples()
    {
        var items = Read("""
            {"type":"account","network":"x","id":"12","handle":"alice","created":"2020-01-01T00:00:00Z","person":"alice"}
            {"type":"post","network":"x","id":"p1","account":"12","time":"2026-11-01T10:00:00Z","text":"...","kind":"post","parent":null}
            {"type":"action","network":"x","id":"a1","kind":"reshare","actor":"34","target":"12","post":"p1","time":"2026-11-02T08:00:00Z"}
            {"type":"metrics","network":"x","account":"12","date":"2026-11-01","days":90,"followers":1200,"following":300,"lists":14,"posts":5200,"received":{"reshare":40,"mention":25,"reply":10,"like":300},"sent":{"reshare":5,"mention":12}}
            """);

        items.ShouldAllBe(i => i.Error == null);
        var account = items[0].Record.ShouldBeOfType<AccountRecord>();
        account.Key.ShouldBe(new AccountKey(Network.X, "12"));
        account.Person.ShouldBe("alice");
        account.Created.ShouldBe(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var post = items[1].Record.ShouldBeOfType<PostRecord>();
        (post.Kind, post.Parent, post.Account).ShouldBe((PostKind.Post, null, "12"));
        var action = items[2].Record.ShouldBeOfType<ActionRecord>();
        (action.Kind, action.Actor, action.Target, action.Post).ShouldBe((ActionKind.Reshare, "34", "12", "p1"));
        var metrics = items[3].Record.ShouldBeOfType<MetricsRecord>();
        metrics.Followers.ShouldBe(1200);
        metrics.Received[ActionKind.Like].ShouldBe(300);
        metrics.Sent[ActionKind.Mention].ShouldBe(12);
    }

    [Fact]
    public void Keeps_unknown_fields_as_raw_payload()
    {
        var item = Read("""{"type":"post","network":"x","id":"p1","account":"12","time":"2026-11-01T10:00:00Z","lang":"en","counts":{"views":9}}""")[0];
        item.Record!.Raw.ShouldBe("""{"lang":"en","counts":{"views":9}}""");
    }

    [Theory]
    [InlineData("{not json", null, "not valid JSON")]
    [InlineData("[1,2]", null, "expected a JSON object")]
    [InlineData("""{"network":"x","id":"1"}""", "type", "is missing")]
    [InlineData("""{"type":"person","network":"x"}""", "type", "unknown record type 'person'")]
    [InlineData("""{"type":"account","network":"friendster","id":"1"}""", "network", "unknown network 'friendster'")]
    [InlineData("""{"type":"account","network":"x","id":12}""", "id", "expected a string, found a number")]
    [InlineData("""{"type":"account","network":"x","id":""}""", "id", "is empty")]
    [InlineData("""{"type":"account","network":"x","id":"1","created":"yesterday"}""", "created", "not a time")]
    [InlineData("""{"type":"account","network":"x","id":"1","labels":"a"}""", "labels", "expected an array of strings")]
    [InlineData("""{"type":"post","network":"x","id":"p","account":"1"}""", "time", "is missing")]
    [InlineData("""{"type":"post","network":"x","id":"p","account":"1","time":"2026-11-01T00:00:00Z","kind":"story"}""", "kind", "unknown post kind 'story'")]
    [InlineData("""{"type":"action","network":"x","id":"a","kind":"poke","actor":"1","target":"2","time":"2026-11-01T00:00:00Z"}""", "kind", "unknown action kind 'poke'")]
    [InlineData("""{"type":"action","network":"x","id":"a","kind":"like","target":"2","time":"2026-11-01T00:00:00Z"}""", "actor", "is missing")]
    [InlineData("""{"type":"action","network":"x","id":"a","kind":"endorse","actor":"1","target":"2","time":"2026-11-01T00:00:00Z"}""", "topic", "needs a topic")]
    [InlineData("""{"type":"metrics","network":"x","account":"1","date":"01/11/2026"}""", "date", "expected YYYY-MM-DD")]
    [InlineData("""{"type":"metrics","network":"x","account":"1","date":"2026-11-01","followers":-3}""", "followers", "negative")]
    [InlineData("""{"type":"metrics","network":"x","account":"1","date":"2026-11-01","followers":1.5}""", "followers", "expected a whole number")]
    [InlineData("""{"type":"metrics","network":"x","account":"1","date":"2026-11-01","days":0}""", "days", "out of range")]
    [InlineData("""{"type":"metrics","network":"x","account":"1","date":"2026-11-01","received":{"hug":3}}""", "received.hug", "unknown action kind")]
    [InlineData("""{"type":"metrics","network":"x","account":"1","date":"2026-11-01","received":{"like":"3"}}""", "received.like", "expected a count")]
    public void Names_the_line_field_and_expectation_of_every_bad_record(string line, string? field, string message)
    {
        var error = SingleError(line);
        error.Source.ShouldBe("in.jsonl");
        error.Line.ShouldBe(1);
        error.Field.ShouldBe(field);
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Counts_lines_including_blank_ones()
    {
        var items = Read("\n{\"type\":\"account\",\"network\":\"x\",\"id\":\"1\"}\n\n{\"type\":\"x\"}\n");
        items.Count.ShouldBe(2);
        items[1].Error!.Line.ShouldBe(4);
    }

    [Fact]
    public void A_truncated_gzip_file_ends_with_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clout-{Guid.NewGuid():N}.jsonl.gz");
        try
        {
            using (var file = File.Create(path))
            using (var gz = new GZipStream(file, CompressionLevel.Fastest))
            {
                var line = Encoding.UTF8.GetBytes("{\"type\":\"account\",\"network\":\"x\",\"id\":\"1\"}\n");
                for (var i = 0; i < 5000; i++)
                {
                    gz.Write(line);
                }
            }

            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

            var items = new JsonLinesImporter().Read(path, new ImportOptions()).ToList();

            items[^1].Error.ShouldNotBeNull().Message.ShouldContain("cannot be read");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_one_error()
    {
        var items = new JsonLinesImporter().Read("/nonexistent/file.jsonl", new ImportOptions()).ToList();
        items.Single().Error!.Message.ShouldContain("cannot open");
    }

    [Fact]
    public void Written_records_read_back_identically()
    {
        ImportRecord[] records =
        [
            new AccountRecord(Network.Mastodon, "a@b.c") { Handle = "a", Labels = ["pod"], Created = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) },
            new PostRecord(Network.Mastodon, "p", "a@b.c", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), PostKind.Quote) { Parent = "q", Text = "hi \"there\"" },
            new ActionRecord(Network.Mastodon, "x", ActionKind.Endorse, "a@b.c", "d@e.f", new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)) { Topic = "rust" },
            new MetricsRecord(Network.Mastodon, "a@b.c", new DateOnly(2026, 1, 3)) { Followers = 5, Received = new Dictionary<ActionKind, long> { [ActionKind.Like] = 2 } },
        ];
        var buffer = new MemoryStream();
        using (var writer = new JsonLinesWriter(buffer))
        {
            foreach (var r in records)
            {
                writer.Write(r);
            }

            var back = JsonLinesImporter.ReadStream(new MemoryStream(buffer.ToArray()), "mem").Select(i => i.Record).ToList();

            back[0].ShouldBeOfType<AccountRecord>().Labels.ShouldBe(["pod"]);
            back[1].ShouldBe(records[1]);
            back[2].ShouldBe(records[2]);
            back[3].ShouldBeOfType<MetricsRecord>().Received[ActionKind.Like].ShouldBe(2);
        }
    }
}
