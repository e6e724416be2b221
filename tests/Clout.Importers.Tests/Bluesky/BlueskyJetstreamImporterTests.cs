using System.IO.Compression;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Bluesky;
using Clout.Tests;

namespace Clout.Importers.Tests.Bluesky;

public class BlueskyJetstreamImporterTests
{
    private const string Expected = "fixtures/bluesky/jetstream-corpus/expected_v1.jsonl";
    private const string Golden = "fixtures/bluesky/jetstream-corpus/subscribe_golden_v1.jsonl";
    private static readonly BlueskyJetstreamImporter Importer = new();

    [Fact]
    public void Imports_the_production_jetstream_capture()
    {
        var items = Read(SharedData.Require(Expected));

        items.ShouldAllBe(i => i.Error == null);
        var records = items.Select(i => i.Record!).ToList();
        var actions = records.OfType<ActionRecord>().ToList();
        actions.Count(a => a.Kind == ActionKind.Like).ShouldBe(105);
        actions.Count(a => a.Kind == ActionKind.Reshare).ShouldBe(15);
        actions.Count(a => a.Kind == ActionKind.Reply).ShouldBe(8);
        actions.Count(a => a.Kind == ActionKind.Follow).ShouldBe(6);
        actions.Count(a => a.Kind == ActionKind.Block).ShouldBe(1);
        actions.Count.ShouldBe(135);
        var posts = records.OfType<PostRecord>().ToList();
        posts.Count(p => p.Kind == PostKind.Post).ShouldBe(9);
        posts.Count(p => p.Kind == PostKind.Reply).ShouldBe(8);
        posts.Count(p => p.Kind == PostKind.Reshare).ShouldBe(15);
        records.OfType<AccountRecord>().Select(a => a.Id).Distinct().Count().ShouldBe(274);
    }

    [Fact]
    public void Maps_a_like_with_the_event_time()
    {
        var like = Read(SharedData.Require(Expected)).Select(i => i.Record).OfType<ActionRecord>().First();

        like.Id.ShouldBe("at://did:plc:wq4aajammjtxdomz3e23667t/app.bsky.feed.like/3mptbyplj5d2a");
        like.Kind.ShouldBe(ActionKind.Like);
        like.Actor.ShouldBe("did:plc:wq4aajammjtxdomz3e23667t");
        like.Target.ShouldBe("did:plc:r2zybk6op3ymzpz6jhqpkoy5");
        like.Post.ShouldBe("at://did:plc:r2zybk6op3ymzpz6jhqpkoy5/app.bsky.feed.post/3mpsjbtci2c2o");
        like.Time.ShouldBe(DateTimeOffset.UnixEpoch.AddTicks(1783175888085434L * 10));
        like.Raw!.ShouldContain("\"cid\":\"bafyreiguce4jh7kcbmof3pmcvasifqtw24b6isakj5ve5ga2b4z4alpc4i\"");
        like.Raw!.ShouldContain("\"createdAt\":\"2026-07-04T14:38:08.999Z\"");
    }

    [Fact]
    public void Maps_the_account_event_and_ignores_deletes_it_cannot_resolve()
    {
        var records = Read(SharedData.Require(Expected)).Select(i => i.Record!).ToList();

        records.OfType<AccountRecord>().ShouldContain(a => a.Id == "did:plc:hqvhxrowqbemo5e4wjnj6zao" && a.Raw == "{\"active\":true}");
        records.OfType<ActionRecord>().ShouldNotContain(a => a.Kind == ActionKind.Unfollow);
    }

    [Fact]
    public void Maps_profiles_replies_blocks_and_skips_other_lexicons()
    {
        var records = Read(SharedData.Require(Golden)).Select(i => i.Record.ShouldNotBeNull()).ToList();

        var profile = records.OfType<AccountRecord>().Single(a => a.Id == "did:plc:o6t5vwyr7ae73foww7bgye4r" && a.Name != null);
        profile.Name.ShouldBe("Multiversal Lokis Unit🔞");
        profile.Bio!.ShouldStartWith("Damian Lokison, 32");
        profile.Created.ShouldBe(new DateTimeOffset(2026, 2, 14, 23, 48, 34, 991, TimeSpan.Zero));
        profile.Raw!.ShouldContain("\"pinnedPost\"");

        var reply = records.OfType<PostRecord>().Single(p => p.Kind == PostKind.Reply);
        reply.Id.ShouldBe("at://did:plc:q235v55g5unth4zjjdpacfdr/app.bsky.feed.post/3mmoojp4cd223");
        reply.Text.ShouldBe("Try RSV for a good time !!");
        reply.Parent.ShouldBe("at://did:plc:j76trmiofvaxxpvx2vnb2vwf/app.bsky.feed.post/3mmojbrjwbs26");
        reply.Time.ShouldBe(DateTimeOffset.UnixEpoch.AddTicks(1779719009157119L * 10));
        var replyAction = records.OfType<ActionRecord>().Single(a => a.Kind == ActionKind.Reply);
        replyAction.Target.ShouldBe("did:plc:j76trmiofvaxxpvx2vnb2vwf");

        var block = records.OfType<ActionRecord>().Single(a => a.Kind == ActionKind.Block);
        block.Actor.ShouldBe("did:plc:2lv5zdhr6aqncw46v7zgxbio");
        block.Target.ShouldBe("did:plc:pgsrzsvisagr7wfqasmu3cgf");

        records.ShouldNotContain(r => r is PostRecord && ((PostRecord)r).Id.Contains("place.stream", StringComparison.Ordinal));
        records.OfType<ActionRecord>().Count().ShouldBe(5);
    }

    [Fact]
    public void A_follow_deleted_later_in_the_stream_becomes_an_unfollow()
    {
        using var temp = new BlueskyTempFolder();
        var file = temp.Write("events.jsonl", """
            {"did":"did:plc:a","time_us":1783175888000000,"kind":"commit","commit":{"rev":"r1","operation":"create","collection":"app.bsky.graph.follow","rkey":"3mptbyp63ih2m","record":{"$type":"app.bsky.graph.follow","createdAt":"2026-07-04T14:38:08Z","subject":"did:plc:b"},"cid":"bafyreib25swk3a6waplk2ie75u4a3qfejnkoiezfowuz7sa74i7tief3di"}}
            {"did":"did:plc:a","time_us":1783175999000000,"kind":"commit","commit":{"rev":"r2","operation":"delete","collection":"app.bsky.graph.follow","rkey":"3mptbyp63ih2m"}}
            {"did":"did:plc:a","time_us":1783175999000001,"kind":"commit","commit":{"rev":"r3","operation":"delete","collection":"app.bsky.graph.follow","rkey":"3mptbyp63ih2m"}}
            """);

        var actions = Read(file).Select(i => i.Record).OfType<ActionRecord>().ToList();

        actions.Select(a => a.Kind).ShouldBe([ActionKind.Follow, ActionKind.Unfollow]);
        actions[1].Id.ShouldBe("unfollow:at://did:plc:a/app.bsky.graph.follow/3mptbyp63ih2m");
        actions[1].Target.ShouldBe("did:plc:b");
        actions[1].Time.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1783175999));
    }

    [Fact]
    public void Mentions_quotes_handles_and_list_items_map_like_the_car_reader()
    {
        using var temp = new BlueskyTempFolder();
        var file = temp.Write("events.jsonl", """
            {"did":"did:plc:a","time_us":1783175888000000,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3aaa","record":{"$type":"app.bsky.feed.post","text":"@b look","createdAt":"2026-07-04T14:38:08Z","facets":[{"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:b"},{"$type":"app.bsky.richtext.facet#tag","tag":"rust"}],"index":{"byteStart":0,"byteEnd":2}}],"embed":{"$type":"app.bsky.embed.recordWithMedia","record":{"$type":"app.bsky.embed.record","record":{"cid":"bafyreib25swk3a6waplk2ie75u4a3qfejnkoiezfowuz7sa74i7tief3di","uri":"at://did:plc:c/app.bsky.feed.post/3ccc"}},"media":{}}}}}
            {"did":"did:plc:a","time_us":1783175888000001,"kind":"identity","identity":{"did":"did:plc:a","handle":"alice.example.com","seq":1,"time":"2026-07-04T14:38:08Z"}}
            {"did":"did:plc:a","time_us":1783175888000002,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.graph.listitem","rkey":"3ddd","record":{"$type":"app.bsky.graph.listitem","subject":"did:plc:d","list":"at://did:plc:a/app.bsky.graph.list/3eee","createdAt":"2026-07-04T14:38:08Z"}}}
            """);

        var records = Read(file).Select(i => i.Record.ShouldNotBeNull()).ToList();

        var post = records.OfType<PostRecord>().ShouldHaveSingleItem();
        post.Kind.ShouldBe(PostKind.Quote);
        post.Parent.ShouldBe("at://did:plc:c/app.bsky.feed.post/3ccc");
        post.Raw!.ShouldContain("facet#tag");
        var actions = records.OfType<ActionRecord>().ToList();
        actions.Single(a => a.Kind == ActionKind.Quote).Target.ShouldBe("did:plc:c");
        actions.Single(a => a.Kind == ActionKind.Mention).Id.ShouldBe("mention:at://did:plc:a/app.bsky.feed.post/3aaa:did:plc:b");
        var listed = actions.Single(a => a.Kind == ActionKind.List);
        listed.Target.ShouldBe("did:plc:d");
        listed.Topic.ShouldBe("at://did:plc:a/app.bsky.graph.list/3eee");
        records.OfType<AccountRecord>().ShouldContain(a => a.Id == "did:plc:a" && a.Handle == "alice.example.com");
    }

    [Fact]
    public void Bad_lines_are_errors_naming_the_line_and_field_and_reading_goes_on()
    {
        using var temp = new BlueskyTempFolder();
        var file = temp.Write("events.jsonl", """
            {"did":"did:plc:a","time_us":
            {"did":"did:plc:a","kind":"identity","identity":{}}
            {"did":"did:plc:a","time_us":1783175888000000,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3aaa","record":{"$type":"app.bsky.feed.like","subject":{"cid":"x"}}}}
            {"did":"did:plc:a","time_us":1783175888000000,"kind":"sync"}
            {"did":"did:plc:a","time_us":1783175888000000,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3aaa","record":{"$type":"app.bsky.feed.like","subject":{"uri":"at://handle.example/app.bsky.feed.post/1"}}}}
            {"did":"did:plc:a","time_us":"soon","kind":"identity","identity":{}}

            {"did":"did:plc:a","time_us":1783175888000000,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.graph.follow","rkey":"3aaa","record":{"$type":"app.bsky.graph.follow","subject":"did:plc:b"}}}
            """);

        var items = Read(file);

        var errors = items.Where(i => i.Error != null).Select(i => i.Error!).ToList();
        errors.Select(e => e.Line).ShouldBe([1L, 2L, 3L, 4L, 5L, 6L]);
        errors.ShouldAllBe(e => e.Source == file);
        errors[0].Message.ShouldContain("not valid JSON");
        errors[1].Field.ShouldBe("time_us");
        errors[2].Field.ShouldBe("commit.record.subject.uri");
        errors[3].Field.ShouldBe("kind");
        errors[3].Message.ShouldContain("expected commit, identity or account");
        errors[4].Field.ShouldBe("commit.record.subject.uri");
        errors[4].Message.ShouldContain("DID authority");
        errors[5].Message.ShouldContain("\"soon\"");
        var follow = items.Select(i => i.Record).OfType<ActionRecord>().ShouldHaveSingleItem();
        follow.Target.ShouldBe("did:plc:b");
        items.Select(i => i.Record).OfType<AccountRecord>().Select(a => a.Id).ShouldBe(["did:plc:a", "did:plc:b"]);
    }

    [Fact]
    public void Reads_gzip_compressed_streams()
    {
        using var temp = new BlueskyTempFolder();
        var file = Path.Combine(temp.Path, "events.jsonl.gz");
        using (var output = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        {
            output.Write(File.ReadAllBytes(SharedData.Require(Expected)));
        }

        Importer.CanRead(file).ShouldBeTrue();
        Read(file).Count(i => i.Record is ActionRecord).ShouldBe(135);
    }

    [Fact]
    public void A_truncated_gzip_stream_ends_with_an_error()
    {
        using var temp = new BlueskyTempFolder();
        var buffer = new MemoryStream();
        using (var output = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            output.Write(File.ReadAllBytes(SharedData.Require(Expected)));
        }

        var file = temp.Write("events.jsonl.gz", buffer.ToArray()[..(int)(buffer.Length / 2)]);
        var items = Read(file);
        // GZipStream ends a cut stream quietly, so the error is the cut last line.
        var error = items[^1].Error.ShouldNotBeNull();
        error.Line.ShouldBeGreaterThan(1);
        error.Message.ShouldContain("not valid JSON");
        items.Count(i => i.Record != null).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(Expected)]
    [InlineData(Golden)]
    public void Detects_jetstream_files(string relative)
    {
        var path = SharedData.Require(relative);
        Importer.CanRead(path).ShouldBeTrue();
        new BlueskyCarImporter().CanRead(path).ShouldBeFalse();
    }

    [Theory]
    [InlineData("fixtures/bluesky/jetstream-corpus/repo.car")]
    [InlineData("fixtures/bluesky/jetstream-corpus/manifest.json")]
    [InlineData("fixtures/bluesky/indigo-testdata/firehose_commit_4621317030.json")]
    public void Does_not_detect_other_files(string relative)
    {
        Importer.CanRead(SharedData.Require(relative)).ShouldBeFalse();
    }

    [Fact]
    public void Does_not_detect_interchange_json_lines()
    {
        using var temp = new BlueskyTempFolder();
        Importer.CanRead(temp.Write("records.jsonl", "{\"type\":\"account\",\"network\":\"bluesky\",\"id\":\"did:plc:a\"}\n")).ShouldBeFalse();
    }

    private static List<ImportItem> Read(string path) =>
        Importer.Read(path, new ImportOptions(), TestContext.Current.CancellationToken).ToList();
}
