using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Mastodon;
using Clout.Importers.Tests.Twitter;
using Clout.Tests;

namespace Clout.Importers.Tests.Mastodon;

public sealed class MastodonArchiveImporterTests
{
    private const string Owner = "dealingwith@indieweb.social";
    private static readonly MastodonArchiveImporter Importer = new();

    private static string Export => SharedData.Require("fixtures/mastodon-archive/dealingwith");

    private static string FollowsCsv => SharedData.Require("fixtures/mastodon-csv-export/following_accounts.csv");

    [Fact]
    public void Reads_the_fixture_export_without_errors()
    {
        var r = ReadResult.Of(Importer, Export);

        r.Errors.ShouldBeEmpty();
        r.Posts.Count.ShouldBe(1586);
        r.Posts.Count(p => p.Kind == PostKind.Reshare).ShouldBe(326);
        r.Posts.Count(p => p.Kind == PostKind.Reply).ShouldBe(422);
        r.Posts.ShouldAllBe(p => p.Account == Owner && p.Network == Network.Mastodon);
    }

    [Fact]
    public void Maps_the_actor_to_the_owner_account_in_name_at_instance_form()
    {
        var r = ReadResult.Of(Importer, Export, new ImportOptions { Person = "dw" });

        var owner = r.Accounts.ShouldHaveSingleItem();
        owner.Id.ShouldBe(Owner);
        owner.Handle.ShouldBe("dealingwith");
        owner.Bio.ShouldBe("ennui. far too much more info at link below");
        owner.Created.ShouldBe(new DateTimeOffset(2022, 11, 7, 0, 0, 0, TimeSpan.Zero));
        owner.Url.ShouldBe("https://indieweb.social/@dealingwith");
        owner.Person.ShouldBe("dw");
    }

    [Fact]
    public void Maps_a_note_to_a_post_with_plain_text()
    {
        var r = ReadResult.Of(Importer, Export);

        var post = r.Posts.Single(p => p.Id == "https://indieweb.social/users/dealingwith/statuses/109305976208011760");
        post.Kind.ShouldBe(PostKind.Post);
        post.Time.ShouldBe(new DateTimeOffset(2022, 11, 8, 3, 7, 14, TimeSpan.Zero));
        post.Text!.ShouldStartWith("As Twitter crashes and burns, it’s a good time");
        post.Text!.ShouldNotContain("<p>");
        post.Url.ShouldBe("https://indieweb.social/@dealingwith/109305976208011760");
        post.Raw!.ShouldContain("\"conversation\"");
    }

    [Fact]
    public void Imports_boosts_as_reshares_of_the_original_authors()
    {
        var r = ReadResult.Of(Importer, Export);

        var boost = r.Posts.Single(p => p.Id == "https://indieweb.social/users/dealingwith/statuses/109449999597967268/activity");
        boost.Parent.ShouldBe("https://mastodon.social/users/s0mmer/statuses/109440048909776763");
        var action = r.Actions.Single(a => a.Id == $"reshare:{Owner}:{boost.Parent}");
        action.Target.ShouldBe("s0mmer@mastodon.social");
        r.Actions.Count(a => a.Kind == ActionKind.Reshare).ShouldBe(317);
    }

    [Fact]
    public void Imports_replies_to_others_and_mentions_as_actions()
    {
        var r = ReadResult.Of(Importer, Export);

        r.Actions.Count(a => a.Kind == ActionKind.Reply).ShouldBe(191);
        r.Actions.Count(a => a.Kind == ActionKind.Mention).ShouldBe(138);
        r.Actions.ShouldContain(a => a.Kind == ActionKind.Mention && a.Target == "obsolete29@indieweb.social");
    }

    [Fact]
    public void Imports_likes_whose_url_names_the_author_at_the_newest_activity_time()
    {
        var r = ReadResult.Of(Importer, Export, new ImportOptions());

        var likes = r.Actions.Where(a => a.Kind == ActionKind.Like).ToList();
        likes.Count.ShouldBe(1105);
        var like = likes.Single(a => a.Post == "https://mastodon.social/users/robotspacer/statuses/100532741303956178");
        like.Target.ShouldBe("robotspacer@mastodon.social");
        like.Time.ShouldBe(new DateTimeOffset(2024, 7, 23, 18, 39, 6, TimeSpan.Zero));
    }

    [Fact]
    public void Reports_the_outbox_total_as_the_owner_post_count()
    {
        var r = ReadResult.Of(Importer, Export);

        var m = r.Metrics.ShouldHaveSingleItem();
        (m.Account, m.Posts, m.Date).ShouldBe((Owner, (long?)1557, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Reads_the_follows_csv_beside_the_actor_as_follow_actions()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Export);
        File.Copy(FollowsCsv, tmp.File("following_accounts.csv"));

        var r = ReadResult.Of(Importer, tmp.Path);

        r.Errors.ShouldBeEmpty();
        var follows = r.Actions.Where(a => a.Kind == ActionKind.Follow).ToList();
        follows.Select(a => a.Id).ShouldBe([$"follow:{Owner}:user@example.com", $"follow:{Owner}:user@test.com"]);
        r.Metrics.Single().Following.ShouldBe(2);
    }

    [Fact]
    public void Reads_a_follows_csv_alone_as_the_followed_accounts()
    {
        var r = ReadResult.Of(Importer, FollowsCsv);

        r.Errors.ShouldBeEmpty();
        r.Accounts.Select(a => a.Id).ShouldBe(["user@example.com", "user@test.com"]);
        r.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void A_bad_address_in_the_follows_csv_is_an_error_with_its_line()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("following_accounts.csv"), "Account address,Show boosts\nnot-an-address,true\nok@example.com,true\n");

        var r = ReadResult.Of(Importer, tmp.File("following_accounts.csv"));

        var error = r.Errors.ShouldHaveSingleItem();
        (error.Line, error.Field).ShouldBe((2L, "Account address"));
        r.Accounts.ShouldHaveSingleItem().Id.ShouldBe("ok@example.com");
    }

    [Fact]
    public void A_folder_without_outbox_json_is_an_error_naming_the_file()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Export, "outbox.json");

        var r = ReadResult.Of(Importer, tmp.Path);

        r.Items.Count.ShouldBe(1);
        r.Errors.Single().Message.ShouldContain("outbox.json");
    }

    [Fact]
    public void A_truncated_outbox_yields_the_activities_before_the_cut_and_one_error()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Export, "outbox.json");
        var bytes = File.ReadAllBytes(Path.Combine(Export, "outbox.json"));
        File.WriteAllBytes(tmp.File("outbox.json"), bytes[..(bytes.Length / 2)]);

        var r = ReadResult.Of(Importer, tmp.Path);

        var error = r.Errors.ShouldHaveSingleItem();
        error.Source.ShouldEndWith("outbox.json");
        r.Posts.Count.ShouldBeInRange(500, 1100);
        r.Actions.Count(a => a.Kind == ActionKind.Like).ShouldBe(1105);
    }

    [Fact]
    public void An_activity_with_a_mistyped_field_is_an_error_and_the_next_one_is_read()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Export, "outbox.json");
        File.WriteAllText(tmp.File("outbox.json"), """
            {"type":"OrderedCollection","totalItems":2,"orderedItems":[
            {"type":"Create","object":{"id":"https://a.example/users/x/statuses/1","published":42}},
            {"type":"Create","object":{"id":"https://a.example/users/x/statuses/2","published":"2024-01-01T00:00:00Z","content":"<p>hi &amp; bye</p>"}}
            ]}
            """);

        var r = ReadResult.Of(Importer, tmp.Path);

        var error = r.Errors.ShouldHaveSingleItem();
        (error.Line, error.Field).ShouldBe((2L, "orderedItems.published"));
        r.Posts.ShouldHaveSingleItem().Text.ShouldBe("hi & bye");
    }

    [Fact]
    public void An_actor_that_is_not_json_is_one_error()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Export, "actor.json");
        File.WriteAllText(tmp.File("actor.json"), "{\"id\": \"https://a.example/users/x\",");

        var r = ReadResult.Of(Importer, tmp.Path);

        r.Items.Count.ShouldBe(1);
        r.Errors.Single().Source.ShouldEndWith("actor.json");
    }

    [Fact]
    public void Detects_the_export_folder_and_the_follows_csv_only()
    {
        Importer.CanRead(Export).ShouldBeTrue();
        Importer.CanRead(FollowsCsv).ShouldBeTrue();
        Importer.CanRead(SharedData.Require("fixtures/twitter-archive/andreruffert")).ShouldBeFalse();
        Importer.CanRead(SharedData.Require("fixtures/mastodon-api/mastodon-py-cassettes")).ShouldBeFalse();
    }
}
