using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Mastodon;
using Clout.Importers.Tests.Twitter;
using Clout.Tests;

namespace Clout.Importers.Tests.Mastodon;

public sealed class MastodonApiImporterTests
{
    private static readonly MastodonApiImporter Importer = new();

    private static string Cassettes => SharedData.Require("fixtures/mastodon-api/mastodon-py-cassettes");

    private static string Docs => SharedData.Require("fixtures/mastodon-api/docs-examples");

    private const string NotificationsCassette = """
        { "interactions": [
          { "request": { "method": "GET", "uri": "https://social.example/api/v1/accounts/verify_credentials" },
            "response": { "status": { "code": 200 }, "headers": { "Date": ["Mon, 03 Aug 2026 12:00:00 GMT"] },
              "body": { "string": "{\"id\":\"1\",\"username\":\"ann\",\"acct\":\"ann\",\"url\":\"https://social.example/@ann\",\"followers_count\":3,\"following_count\":4,\"statuses_count\":5}" } } },
          { "request": { "method": "GET", "uri": "https://social.example/api/v1/notifications" },
            "response": { "status": { "code": 200 },
              "body": { "string": "[{\"id\":\"7\",\"type\":\"follow\",\"created_at\":\"2026-08-01T10:00:00Z\",\"account\":{\"id\":\"2\",\"username\":\"bo\",\"acct\":\"bo@other.example\",\"url\":\"https://other.example/@bo\"}},{\"id\":\"8\",\"type\":\"favourite\",\"created_at\":\"2026-08-01T11:00:00Z\",\"account\":{\"id\":\"2\",\"username\":\"bo\",\"acct\":\"bo@other.example\",\"url\":\"https://other.example/@bo\"},\"status\":{\"id\":\"50\",\"uri\":\"https://social.example/users/ann/statuses/50\",\"url\":\"https://social.example/@ann/50\",\"created_at\":\"2026-07-31T09:00:00Z\",\"content\":\"<p>hello</p>\",\"account\":{\"id\":\"1\",\"username\":\"ann\",\"acct\":\"ann\",\"url\":\"https://social.example/@ann\"},\"favourites_count\":4,\"reblogs_count\":2,\"replies_count\":1}}]" } } },
          { "request": { "method": "GET", "uri": "https://social.example/api/v1/statuses/50/reblogged_by" },
            "response": { "status": { "code": 200 },
              "body": { "string": "[{\"id\":\"3\",\"username\":\"cy\",\"acct\":\"cy\",\"url\":\"https://social.example/@cy\"}]" } } },
          { "request": { "method": "GET", "uri": "https://social.example/api/v1/statuses/60" },
            "response": { "status": { "code": 200 },
              "body": { "string": "{\"id\":\"60\",\"uri\":\"https://social.example/users/cy/statuses/60\",\"created_at\":\"2026-08-02T09:00:00Z\",\"content\":\"<p>@ann yes</p>\",\"in_reply_to_id\":\"50\",\"in_reply_to_account_id\":\"1\",\"account\":{\"id\":\"3\",\"username\":\"cy\",\"acct\":\"cy\",\"url\":\"https://social.example/@cy\"},\"mentions\":[{\"id\":\"1\",\"username\":\"ann\",\"acct\":\"ann\",\"url\":\"https://social.example/@ann\"},{\"id\":\"2\",\"username\":\"bo\",\"acct\":\"bo@other.example\",\"url\":\"https://other.example/@bo\"}]}" } } }
        ] }
        """;

    [Fact]
    public void Reads_the_recorded_responses_without_errors()
    {
        var r = ReadResult.Of(Importer, Cassettes);

        r.Errors.ShouldBeEmpty();
        r.Posts.Count.ShouldBe(12);
        r.Accounts.Select(a => a.Id).Distinct().Order().ShouldBe(["admin@localhost", "mastodonpy_test@localhost"]);
        r.Actions.Where(a => a.Kind == ActionKind.Mention).Select(a => a.Target).Distinct().ShouldBe(["mastodonpy_test@localhost"]);
        r.Actions.Count(a => a.Kind == ActionKind.Mention).ShouldBe(2);
    }

    [Fact]
    public void Leaves_out_a_favourite_by_the_status_author()
    {
        var r = ReadResult.Of(Importer, Cassettes);

        // The test account favourited its own status: not influence, so no like action; the counter stays.
        r.Actions.ShouldNotContain(a => a.Kind == ActionKind.Like);
        r.Metrics.Single(m => m.Account == "mastodonpy_test@localhost").Received[ActionKind.Like].ShouldBe(1);
    }

    [Fact]
    public void Maps_a_status_entity_with_its_account_and_counters()
    {
        var r = ReadResult.Of(Importer, Path.Combine(Docs, "Status_01.json"));

        r.Errors.ShouldBeEmpty();
        var post = r.Posts.ShouldHaveSingleItem();
        post.Id.ShouldBe("https://mastodon.social/users/Gargron/statuses/103270115826048975");
        post.Account.ShouldBe("gargron@mastodon.social");
        post.Time.ShouldBe(new DateTimeOffset(2019, 12, 8, 3, 48, 33, 901, TimeSpan.Zero));
        post.Text.ShouldBe("\"I lost my inheritance with one wrong digit on my sort code\"\nhttps://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code");
        var account = r.Accounts.ShouldHaveSingleItem();
        (account.Handle, account.Name, account.Url).ShouldBe(("Gargron", "Eugen", "https://mastodon.social/@Gargron"));
        account.Bio!.ShouldStartWith("Developer of Mastodon");
        var m = r.Metrics.ShouldHaveSingleItem();
        (m.Followers, m.Following, m.Posts).ShouldBe((322930L, 459L, 61323L));
        m.Received[ActionKind.Reply].ShouldBe(5);
        m.Received[ActionKind.Reshare].ShouldBe(6);
        m.Received[ActionKind.Like].ShouldBe(11);
        m.Received[ActionKind.Quote].ShouldBe(2);
    }

    [Fact]
    public void Reads_the_documentation_examples_without_errors()
    {
        var r = ReadResult.Of(Importer, Docs);

        r.Errors.ShouldBeEmpty();
        r.Accounts.ShouldContain(a => a.Id == "gargron@mastodon.social");
        r.Posts.ShouldNotBeEmpty();
    }

    [Fact]
    public void Maps_notifications_and_account_lists_to_actions_on_the_authenticated_account()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("session.json"), NotificationsCassette);

        var r = ReadResult.Of(Importer, tmp.File("session.json"));

        r.Errors.ShouldBeEmpty();
        var follow = r.Actions.Single(a => a.Kind == ActionKind.Follow);
        (follow.Id, follow.Actor, follow.Target).ShouldBe(("follow:bo@other.example:ann@social.example", "bo@other.example", "ann@social.example"));
        follow.Time.ShouldBe(new DateTimeOffset(2026, 8, 1, 10, 0, 0, TimeSpan.Zero));
        var like = r.Actions.Single(a => a.Kind == ActionKind.Like);
        (like.Actor, like.Target, like.Post).ShouldBe(("bo@other.example", "ann@social.example", "https://social.example/users/ann/statuses/50"));
        var reshare = r.Actions.Single(a => a.Kind == ActionKind.Reshare);
        (reshare.Id, reshare.Target).ShouldBe(("reshare:cy@social.example:https://social.example/users/ann/statuses/50", "ann@social.example"));
        var reply = r.Posts.Single(p => p.Id == "https://social.example/users/cy/statuses/60");
        (reply.Kind, reply.Parent).ShouldBe((PostKind.Reply, "https://social.example/users/ann/statuses/50"));
        r.Actions.ShouldContain(a => a.Id == "reply:https://social.example/users/cy/statuses/60" && a.Target == "ann@social.example");
        r.Actions.Where(a => a.Kind == ActionKind.Mention).Select(a => a.Target).ShouldBe(["bo@other.example"]);
        var ann = r.Metrics.Single(m => m.Account == "ann@social.example");
        ann.Date.ShouldBe(new DateOnly(2026, 8, 3));
        (ann.Followers, ann.Following, ann.Posts).ShouldBe((3L, 4L, 5L));
        ann.Received[ActionKind.Like].ShouldBe(4);
    }

    [Fact]
    public void A_truncated_response_is_one_error()
    {
        using var tmp = new TempFolder();
        var text = File.ReadAllText(Path.Combine(Docs, "Status_01.json"));
        File.WriteAllText(tmp.File("status.json"), text[..(text.Length / 2)]);

        var r = ReadResult.Of(Importer, tmp.File("status.json"));

        r.Items.Count.ShouldBe(1);
        r.Errors.Single().Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void A_status_with_a_mistyped_field_is_an_error_naming_its_json_path()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("timeline.json"), """
            [ { "id": "1", "uri": "https://a.example/users/x/statuses/1", "content": "", "created_at": "2026-01-01T00:00:00Z", "favourites_count": "many", "account": { "id": "9", "acct": "x", "url": "https://a.example/@x" } },
              { "id": "2", "uri": "https://a.example/users/x/statuses/2", "content": "", "account": { "id": "9", "acct": "x", "url": "https://a.example/@x" } },
              { "id": "3", "uri": "https://a.example/users/x/statuses/3", "content": "", "created_at": "2026-01-01T00:00:00Z", "account": { "id": "9", "acct": "x", "url": "https://a.example/@x" } } ]
            """);

        var r = ReadResult.Of(Importer, tmp.File("timeline.json"));

        r.Errors.Select(e => e.Field).ShouldBe(["[0].favourites_count", "[1].created_at"]);
        r.Posts.ShouldHaveSingleItem().Id.ShouldBe("https://a.example/users/x/statuses/3");
    }

    [Fact]
    public void Detects_mastodon_responses_and_not_twitter_ones()
    {
        Importer.CanRead(Cassettes).ShouldBeTrue();
        Importer.CanRead(Docs).ShouldBeTrue();
        Importer.CanRead(Path.Combine(Docs, "Status_01.json")).ShouldBeTrue();
        Importer.CanRead(SharedData.Require("fixtures/twitter-api/tweepy-cassettes")).ShouldBeFalse();
        Importer.CanRead(SharedData.Require("fixtures/twitter-api/tweepy-cassettes/testusertimeline__01__GET_1_1_statuses_user_timeline_json.json")).ShouldBeFalse();
        Importer.CanRead(SharedData.Require("fixtures/mastodon-archive/dealingwith")).ShouldBeFalse();
    }
}
