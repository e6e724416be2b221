using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Bluesky;
using Clout.Importers.Bluesky.Car;
using Clout.Tests;

namespace Clout.Importers.Tests.Bluesky;

public class BlueskyCarImporterTests
{
    private const string Owner = "did:plc:53iucmf5ldftgqyf2ac7hmhd";
    private const string RepoCar = "fixtures/bluesky/jetstream-corpus/repo.car";
    private static readonly BlueskyCarImporter Importer = new();

    [Fact]
    public void Imports_the_repo_car_as_accounts_posts_and_actions()
    {
        var items = Importer.Read(SharedData.Require(RepoCar), new ImportOptions { Person = "jim" }, TestContext.Current.CancellationToken).ToList();

        items.ShouldAllBe(i => i.Error == null);
        var records = items.Select(i => i.Record!).ToList();
        records.Count.ShouldBe(34);
        var owner = records[0].ShouldBeOfType<AccountRecord>();
        owner.Id.ShouldBe(Owner);
        owner.Name!.Trim().ShouldBe("This is a handle with spaces");
        owner.Created.ShouldBe(DateTimeOffset.Parse("2025-05-29T11:49:09.123Z", System.Globalization.CultureInfo.InvariantCulture));
        owner.Person.ShouldBe("jim");
        owner.Handle.ShouldBeNull();
        owner.Raw!.ShouldContain("\"avatar\"");

        records.OfType<AccountRecord>().Count().ShouldBe(6);
        var posts = records.OfType<PostRecord>().ToList();
        posts.Count(p => p.Kind == PostKind.Post).ShouldBe(5);
        posts.Count(p => p.Kind == PostKind.Reply).ShouldBe(1);
        posts.Count(p => p.Kind == PostKind.Reshare).ShouldBe(3);
        var actions = records.OfType<ActionRecord>().ToList();
        actions.Count(a => a.Kind == ActionKind.Like).ShouldBe(10);
        actions.Count(a => a.Kind == ActionKind.Reshare).ShouldBe(3);
        actions.Count(a => a.Kind == ActionKind.Follow).ShouldBe(3);
        actions.Count(a => a.Kind == ActionKind.Reply).ShouldBe(1);
        actions.Count(a => a.Kind == ActionKind.Mention).ShouldBe(2);
        actions.ShouldAllBe(a => a.Actor == Owner && a.Network == Network.Bluesky);
    }

    [Fact]
    public void Maps_likes_replies_mentions_and_reposts_to_their_targets()
    {
        var records = Importer.Read(SharedData.Require(RepoCar), new ImportOptions(), TestContext.Current.CancellationToken).Select(i => i.Record!).ToList();

        var like = records.OfType<ActionRecord>().Single(a => a.Id == $"at://{Owner}/app.bsky.feed.like/3lqdkdjpy6t2e");
        like.Kind.ShouldBe(ActionKind.Like);
        like.Target.ShouldBe("did:plc:p2cp5gopk7mgjegy6wadk3ep");
        like.Post.ShouldBe("at://did:plc:p2cp5gopk7mgjegy6wadk3ep/app.bsky.feed.post/3lprhqcd5ox2h");
        like.Time.ShouldBe(new DateTimeOffset(2025, 5, 29, 20, 23, 43, 961, TimeSpan.Zero));
        like.Raw!.ShouldContain("\"cid\":\"bafyreigmpffgbpgzfhvml36cecdcz7cn2v7kde2ar7ib4jgol7grj4jyly\"");

        var reply = records.OfType<PostRecord>().Single(p => p.Id == $"at://{Owner}/app.bsky.feed.post/3lsbqxwblik2d");
        reply.Kind.ShouldBe(PostKind.Reply);
        reply.Text.ShouldBe("a test reply!");
        reply.Parent.ShouldBe($"at://{Owner}/app.bsky.feed.post/3lqcnvhqk622d");
        reply.Url.ShouldBe($"https://bsky.app/profile/{Owner}/post/3lsbqxwblik2d");
        reply.Raw!.ShouldContain("\"langs\":[\"en\"]");
        var replyAction = records.OfType<ActionRecord>().Single(a => a.Kind == ActionKind.Reply);
        replyAction.Id.ShouldBe(reply.Id);
        replyAction.Target.ShouldBe(Owner);
        replyAction.Post.ShouldBe(reply.Parent);

        var mention = records.OfType<ActionRecord>().First(a => a.Kind == ActionKind.Mention);
        mention.Id.ShouldBe($"mention:at://{Owner}/app.bsky.feed.post/3ly3oz7vwhc2u:did:plc:4uz2445cjiw7w4nobfgnu35f");
        mention.Target.ShouldBe("did:plc:4uz2445cjiw7w4nobfgnu35f");

        var repost = records.OfType<PostRecord>().Single(p => p.Id == $"at://{Owner}/app.bsky.feed.repost/3lqj2nsh6py2p");
        repost.Kind.ShouldBe(PostKind.Reshare);
        repost.Parent.ShouldBe("at://did:plc:4uz2445cjiw7w4nobfgnu35f/app.bsky.feed.post/3lpx3ersadc2r");
        records.OfType<ActionRecord>().Single(a => a.Id == repost.Id).Target.ShouldBe("did:plc:4uz2445cjiw7w4nobfgnu35f");

        var follow = records.OfType<ActionRecord>().Single(a => a.Id == $"at://{Owner}/app.bsky.graph.follow/3lqcnlemwy22g");
        follow.Kind.ShouldBe(ActionKind.Follow);
        follow.Target.ShouldBe("did:plc:z72i7hdynmk6r22z27h6tvur");
    }

    [Fact]
    public void Imports_quotes_with_a_quote_action_on_the_quoted_author()
    {
        var records = Importer.Read(SharedData.Require("fixtures/bluesky/indigo-testdata/bnewbold.robocracy.org.20250310005405.car"), new ImportOptions(), TestContext.Current.CancellationToken)
            .Select(i => i.Record.ShouldNotBeNull()).ToList();

        const string did = "did:plc:nhxcyu4ewwhl5pqil4dotqjo";
        var quote = records.OfType<PostRecord>().Single(p => p.Id == $"at://{did}/app.bsky.feed.post/3ktbn5b7zkc26");
        quote.Kind.ShouldBe(PostKind.Quote);
        quote.Parent.ShouldBe($"at://{did}/app.bsky.feed.post/3kly7jzzyuk2v");
        var action = records.OfType<ActionRecord>().Single(a => a.Id == quote.Id);
        action.Kind.ShouldBe(ActionKind.Quote);
        action.Post.ShouldBe(quote.Parent);
        records.OfType<ActionRecord>().ShouldContain(a => a.Kind == ActionKind.Mention && a.Id == $"mention:{quote.Id}:did:plc:44ybard66vv44zksje25o7dz");
        records.Count.ShouldBe(46);
        records.OfType<ActionRecord>().Count(a => a.Kind == ActionKind.Quote).ShouldBe(1);
    }

    [Theory]
    [InlineData("fixtures/bluesky/indigo-testdata/greenground.repo.car", 5)]
    [InlineData("fixtures/bluesky/indigo-testdata/paul_staging.repo.car", 236)]
    public void Imports_the_other_fixture_repositories_without_errors(string relative, int expected)
    {
        var items = Importer.Read(SharedData.Require(relative), new ImportOptions(), TestContext.Current.CancellationToken).ToList();
        items.ShouldAllBe(i => i.Error == null);
        items.Count.ShouldBe(expected);
    }

    [Fact]
    public void Re_reading_gives_the_same_ids()
    {
        var path = SharedData.Require(RepoCar);
        string Ids() => string.Join('\n', Importer.Read(path, new ImportOptions(), TestContext.Current.CancellationToken).Select(i => i.Record switch
        {
            PostRecord p => p.Id,
            ActionRecord a => a.Id,
            AccountRecord a => a.Id,
            _ => "?",
        }));
        Ids().ShouldBe(Ids());
    }

    [Fact]
    public void A_truncated_file_is_one_error_naming_the_offset()
    {
        using var temp = new BlueskyTempFolder();
        var bytes = File.ReadAllBytes(SharedData.Require(RepoCar));
        var file = temp.Write("cut.car", bytes[..(bytes.Length / 2)]);

        var items = Importer.Read(file, new ImportOptions(), TestContext.Current.CancellationToken).ToList();

        var error = items.ShouldHaveSingleItem().Error.ShouldNotBeNull();
        error.Source.ShouldBe(file);
        error.Message.ShouldContain("truncated");
        error.Line.ShouldBeGreaterThan(0);
        error.Line.ShouldBeLessThan(bytes.Length / 2);
    }

    [Fact]
    public void A_corrupt_record_block_is_reported_with_its_cid_and_the_rest_imported()
    {
        using var temp = new BlueskyTempFolder();
        var path = SharedData.Require(RepoCar);
        var bytes = File.ReadAllBytes(path);
        Cid.TryParse("bafyreia6dvxmf6vnz6novba2cu24rbbbn7x4qelt7valzz32xngvep5lem", out var target).ShouldBeTrue();
        var offset = FindBlock(path, target).DataOffset;
        bytes[offset + 3] ^= 0x20;
        var file = temp.Write("corrupt.car", bytes);

        var items = Importer.Read(file, new ImportOptions(), TestContext.Current.CancellationToken).ToList();

        var errors = items.Where(i => i.Error != null).Select(i => i.Error!).ToList();
        errors.Count.ShouldBe(2);
        errors[0].Line.ShouldBe(offset);
        errors[0].Message.ShouldContain($"block {target} is corrupt");
        errors[0].Message.ShouldContain("sha2-256 mismatch");
        errors[1].Field.ShouldBe("app.bsky.feed.post/3lqcnvhqk622d");
        errors[1].Message.ShouldContain($"at://{Owner}/app.bsky.feed.post/3lqcnvhqk622d");
        items.Count(i => i.Record != null).ShouldBe(33);
    }

    [Theory]
    [InlineData(new byte[] { }, "empty")]
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, "varint is longer than 9 bytes")]
    [InlineData(new byte[] { 0x05, 0xa1, 0x61, 0x61, 0x01 }, "the file is truncated")]
    [InlineData(new byte[] { 0x03, 0xa1, 0x61, 0x61, 0x01 }, "not valid DAG-CBOR")]
    public void Unreadable_files_are_one_error(byte[] bytes, string message)
    {
        using var temp = new BlueskyTempFolder();
        var file = temp.Write("bad.car", bytes);
        var error = Importer.Read(file, new ImportOptions(), TestContext.Current.CancellationToken).ShouldHaveSingleItem().Error.ShouldNotBeNull();
        error.Source.ShouldBe(file);
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void A_block_with_a_bad_cid_names_the_offset()
    {
        using var temp = new BlueskyTempFolder();
        var header = Cbor.Frame(Cbor.Map(("version", Cbor.Int(1)), ("roots", Cbor.List())));
        var file = temp.Write("bad.car", [.. header, .. Cbor.Frame([0x01, 0x71, 0x12, 0x10, .. new byte[20]])]);

        var error = Importer.Read(file, new ImportOptions(), TestContext.Current.CancellationToken).ShouldHaveSingleItem().Error.ShouldNotBeNull();

        error.Line.ShouldBe(header.Length + 1);
        error.Message.ShouldContain("bad block CID");
        error.Message.ShouldContain("digest length is 16");
    }

    [Fact]
    public void Invalid_cbor_and_missing_fields_fail_only_their_record()
    {
        using var temp = new BlueskyTempFolder();
        const string did = "did:plc:tester";
        var good = Cbor.Map(("$type", Cbor.Text("app.bsky.graph.follow")), ("subject", Cbor.Text("did:plc:other")), ("createdAt", Cbor.Text("2025-01-02T03:04:05Z")));
        byte[] invalid = [0xa1, 0x61, 0x61, 0xf7];
        var noSubject = Cbor.Map(("$type", Cbor.Text("app.bsky.feed.like")), ("createdAt", Cbor.Text("2025-01-02T03:04:05Z")));
        var car = Cbor.Repo(did, [("app.bsky.graph.follow/3lqcnlemwy22g", good), ("app.bsky.feed.post/3lqcnlemwy22g", invalid), ("app.bsky.feed.like/3lqcnlemwy22g", noSubject)]);
        var file = temp.Write("repo.car", car);

        var items = Importer.Read(file, new ImportOptions(), TestContext.Current.CancellationToken).ToList();

        var errors = items.Where(i => i.Error != null).Select(i => i.Error!).ToList();
        errors.Count.ShouldBe(2);
        errors[0].Field.ShouldBe("subject.uri");
        errors[0].Message.ShouldContain($"at://{did}/app.bsky.feed.like/3lqcnlemwy22g");
        errors[1].Field.ShouldBe("app.bsky.feed.post/3lqcnlemwy22g");
        errors[1].Message.ShouldContain("not valid DAG-CBOR");
        errors[1].Message.ShouldContain("simple value 23");
        errors[1].Line.ShouldBe(car.Length - (37 + good.Length) - invalid.Length + 3);
        var follow = items.Select(i => i.Record).OfType<ActionRecord>().ShouldHaveSingleItem();
        follow.Target.ShouldBe("did:plc:other");
        follow.Time.ShouldBe(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
    }

    [Fact]
    public void Dates_a_record_without_created_at_by_its_tid_record_key()
    {
        using var temp = new BlueskyTempFolder();
        var follow = Cbor.Map(("$type", Cbor.Text("app.bsky.graph.follow")), ("subject", Cbor.Text("did:plc:other")));
        var file = temp.Write("repo.car", Cbor.Repo("did:plc:tester", [("app.bsky.graph.follow/3lqcnlemwy22g", follow)]));

        var action = Importer.Read(file, new ImportOptions(), TestContext.Current.CancellationToken).Select(i => i.Record).OfType<ActionRecord>().ShouldHaveSingleItem();

        // The same TID dates the real follow 3lqcnlemwy22g, created 2025-05-29T11:49:08.696Z.
        action.Time.ShouldBeInRange(new DateTimeOffset(2025, 5, 29, 11, 49, 8, TimeSpan.Zero), new DateTimeOffset(2025, 5, 29, 11, 49, 10, TimeSpan.Zero));
    }

    [Fact]
    public void A_missing_commit_block_is_an_error()
    {
        using var temp = new BlueskyTempFolder();
        var block = Cbor.Map(("a", Cbor.Int(1)));
        var file = temp.Write("repo.car", Cbor.Car([Cid.Compute([1])], block));

        var items = Importer.Read(file, new ImportOptions(), TestContext.Current.CancellationToken);
        var error = items.ShouldHaveSingleItem().Error.ShouldNotBeNull();
        error.Message.ShouldContain("commit block");
        error.Message.ShouldContain("not in the file");
    }

    [Fact]
    public void Reads_every_car_file_of_a_folder()
    {
        using var temp = new BlueskyTempFolder();
        var follow = Cbor.Map(("$type", Cbor.Text("app.bsky.graph.follow")), ("subject", Cbor.Text("did:plc:other")), ("createdAt", Cbor.Text("2025-01-02T03:04:05Z")));
        temp.Write("a.car", Cbor.Repo("did:plc:a", [("app.bsky.graph.follow/3lqcnlemwy22g", follow)]));
        temp.Write("b.car", Cbor.Repo("did:plc:b", [("app.bsky.graph.follow/3lqcnlemwy22g", follow)]));

        Importer.CanRead(temp.Path).ShouldBeTrue();
        var actions = Importer.Read(temp.Path, new ImportOptions(), TestContext.Current.CancellationToken).Select(i => i.Record).OfType<ActionRecord>().ToList();
        actions.Select(a => a.Actor).ShouldBe(["did:plc:a", "did:plc:b"]);
    }

    [Theory]
    [InlineData("fixtures/bluesky/jetstream-corpus/repo.car")]
    [InlineData("fixtures/bluesky/indigo-testdata/greenground.repo.car")]
    [InlineData("fixtures/bluesky/indigo-testdata/paul_staging.repo.car")]
    [InlineData("fixtures/bluesky/indigo-testdata/bnewbold.robocracy.org.20250310005405.car")]
    public void Detects_repository_cars(string relative)
    {
        var path = SharedData.Require(relative);
        Importer.CanRead(path).ShouldBeTrue();
        ImporterRegistry.Detect(path).ShouldHaveSingleItem().Format.ShouldBe("bluesky-car");
    }

    [Theory]
    [InlineData("fixtures/bluesky/jetstream-corpus/expected_v1.jsonl")]
    [InlineData("fixtures/bluesky/jetstream-corpus/manifest.json")]
    [InlineData("fixtures/bluesky/indigo-testdata/firehose_commit_4621317030.json")]
    public void Does_not_detect_other_files(string relative)
    {
        Importer.CanRead(SharedData.Require(relative)).ShouldBeFalse();
    }

    [Fact]
    public void Does_not_detect_a_car_named_file_that_is_not_one()
    {
        using var temp = new BlueskyTempFolder();
        Importer.CanRead(temp.Write("notes.car", "just some text, not a CAR")).ShouldBeFalse();
        Importer.CanRead(Path.Combine(temp.Path, "missing.car")).ShouldBeFalse();
    }

    private static CarBlock FindBlock(string path, Cid cid)
    {
        using var stream = File.OpenRead(path);
        var reader = new CarReader(stream);
        reader.ReadHeader();
        while (reader.TryReadBlock(out var block))
        {
            if (block.Cid == cid)
            {
                return block;
            }
        }

        throw new InvalidOperationException($"no block {cid}");
    }
}
