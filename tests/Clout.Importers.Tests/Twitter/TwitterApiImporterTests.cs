using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Twitter;
using Clout.Tests;

namespace Clout.Importers.Tests.Twitter;

public sealed class TwitterApiImporterTests
{
    private const string TwitterAccount = "783214";
    private static readonly TwitterApiImporter Importer = new();

    private static string Cassettes => SharedData.Require("fixtures/twitter-api/tweepy-cassettes");

    private static string Cassette(string name) => Path.Combine(Cassettes, name);

    private const string LikedTweetCassette = """
        {
          "version": 1,
          "interactions": [
            {
              "request": { "method": "GET", "uri": "https://api.twitter.com/2/tweets/1555?expansions=author_id,referenced_tweets.id" },
              "response": {
                "status": { "code": 200, "message": "OK" },
                "headers": { "date": ["Sat, 08 Oct 2022 10:00:00 GMT"] },
                "body": { "string": "{\"data\":{\"id\":\"1555\",\"author_id\":\"1\",\"created_at\":\"2022-10-07T09:00:00.000Z\",\"text\":\"RT @carol: hello\",\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"1444\"}],\"public_metrics\":{\"like_count\":9,\"retweet_count\":3}},\"includes\":{\"users\":[{\"id\":\"1\",\"username\":\"alice\",\"name\":\"Alice\",\"created_at\":\"2010-01-01T00:00:00.000Z\",\"description\":\"hi\",\"public_metrics\":{\"followers_count\":10,\"following_count\":2,\"tweet_count\":5,\"listed_count\":1}}],\"tweets\":[{\"id\":\"1444\",\"author_id\":\"3\",\"created_at\":\"2022-10-06T09:00:00.000Z\",\"text\":\"hello @alice\",\"entities\":{\"mentions\":[{\"start\":6,\"end\":12,\"username\":\"alice\",\"id\":\"1\"}],\"hashtags\":[]},\"public_metrics\":{\"like_count\":40,\"retweet_count\":7,\"reply_count\":2,\"quote_count\":1}}]}}" }
              }
            },
            {
              "request": { "method": "GET", "uri": "https://api.twitter.com/2/tweets/1444/liking_users" },
              "response": {
                "status": { "code": 200, "message": "OK" },
                "headers": { "date": ["Sat, 08 Oct 2022 10:00:05 GMT"] },
                "body": { "string": "{\"data\":[{\"id\":\"2\",\"name\":\"Bob\",\"username\":\"bob\"}],\"meta\":{\"result_count\":1}}" }
              }
            },
            {
              "request": { "method": "GET", "uri": "https://api.twitter.com/2/tweets/1444/liking_users" },
              "response": { "status": { "code": 429, "message": "Too Many Requests" }, "body": { "string": "{\"title\":\"Too Many Requests\"}" } }
            }
          ]
        }
        """;

    [Fact]
    public void Reads_the_recorded_responses_without_errors()
    {
        var r = ReadResult.Of(Importer, Cassettes);

        r.Errors.ShouldBeEmpty();
        // v1.1 timelines: 4 + 20 statuses; v2 users/783214/tweets: 2 (the other v2 tweets name no author).
        r.Posts.Count.ShouldBe(26);
        r.Posts.Count(p => p.Account == TwitterAccount).ShouldBe(22);
    }

    [Fact]
    public void Maps_v1_statuses_with_replies_and_mentions()
    {
        var r = ReadResult.Of(Importer, Cassette("testusertimeline__01__GET_1_1_statuses_user_timeline_json.json"));

        var post = r.Posts.Single(p => p.Id == "1341793727208181762");
        post.Kind.ShouldBe(PostKind.Reply);
        post.Parent.ShouldBe("1341404809354760192");
        post.Time.ShouldBe(new DateTimeOffset(2020, 12, 23, 17, 12, 8, TimeSpan.Zero));
        post.Url.ShouldBe("https://twitter.com/Twitter/status/1341793727208181762");
        r.Actions.ShouldContain(a => a.Id == "reply:1341793727208181762" && a.Actor == TwitterAccount && a.Target == "211002550" && a.Kind == ActionKind.Reply);
        // 19 replies, 3 of them to @Twitter itself (threads, not actions).
        r.Actions.Count(a => a.Kind == ActionKind.Reply).ShouldBe(16);
        r.Accounts.ShouldContain(a => a.Id == "211002550" && a.Handle == "TreyNKennedy");
    }

    [Fact]
    public void Turns_v1_user_counters_and_status_counters_into_metrics()
    {
        var r = ReadResult.Of(Importer, Cassette("testusertimeline__01__GET_1_1_statuses_user_timeline_json.json"));

        var m = r.Metrics.Single(x => x.Account == TwitterAccount);
        m.Date.ShouldBe(new DateOnly(2026, 1, 1));
        m.Followers.ShouldBe(58778710);
        m.Following.ShouldBe(28);
        m.Lists.ShouldBe(87212);
        m.Posts.ShouldBe(13993);
        m.Received[ActionKind.Like].ShouldBe(206343);
        m.Received[ActionKind.Reshare].ShouldBe(23033);
        var account = r.Accounts.Single(a => a.Id == TwitterAccount && a.Created is not null);
        account.Handle.ShouldBe("Twitter");
        account.Created.ShouldBe(new DateTimeOffset(2007, 2, 20, 14, 35, 54, TimeSpan.Zero));
    }

    [Fact]
    public void Maps_a_followers_list_to_follow_actions_on_the_user_in_the_request_path()
    {
        var r = ReadResult.Of(Importer, Cassette("test_client_get_users_followers__00__GET_2_users_783214_followers.json"));

        r.Actions.Count.ShouldBe(100);
        r.Actions.ShouldAllBe(a => a.Kind == ActionKind.Follow && a.Target == TwitterAccount);
        r.Actions.ShouldContain(a => a.Id == $"follow:1376998163739987969:{TwitterAccount}");
        r.Accounts.ShouldContain(a => a.Id == "1376998163739987969" && a.Handle == "Zamari97491661");
    }

    [Fact]
    public void Keeps_liking_users_as_accounts_when_the_liked_tweets_author_is_unknown()
    {
        var r = ReadResult.Of(Importer, Cassette("test_client_get_liking_users__00__GET_2_tweets_1293593516040269825_liking_users.json"));

        r.Errors.ShouldBeEmpty();
        r.Accounts.Count.ShouldBe(43);
        r.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void Dates_v2_tweets_without_created_at_from_their_id()
    {
        var r = ReadResult.Of(Importer, Cassette("test_client_get_users_tweets__00__GET_2_users_783214_tweets.json"));

        var post = r.Posts.Single(p => p.Id == "1577730467436138524");
        post.Account.ShouldBe(TwitterAccount);
        post.Time.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds((1577730467436138524L >> 22) + 1288834974657));
        post.Time.Year.ShouldBe(2022);
    }

    [Fact]
    public void Reads_a_json_cassette_and_resolves_likes_from_another_response()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("liked.json"), LikedTweetCassette);

        var r = ReadResult.Of(Importer, tmp.File("liked.json"));

        r.Errors.ShouldBeEmpty();
        var like = r.Actions.Single(a => a.Kind == ActionKind.Like);
        (like.Id, like.Actor, like.Target, like.Post).ShouldBe(("like:2:1444", "2", "3", "1444"));
        like.Time.ShouldBe(new DateTimeOffset(2022, 10, 8, 10, 0, 5, TimeSpan.Zero));
        var reshare = r.Actions.Single(a => a.Kind == ActionKind.Reshare);
        (reshare.Id, reshare.Actor, reshare.Target).ShouldBe(("reshare:1:1444", "1", "3"));
        r.Actions.ShouldContain(a => a.Id == "mention:1444:1" && a.Actor == "3" && a.Target == "1");
        r.Posts.Single(p => p.Id == "1555").Kind.ShouldBe(PostKind.Reshare);
        var carol = r.Metrics.Single(m => m.Account == "3");
        carol.Date.ShouldBe(new DateOnly(2022, 10, 8));
        carol.Received[ActionKind.Like].ShouldBe(40);
        carol.Received[ActionKind.Quote].ShouldBe(1);
        var alice = r.Metrics.Single(m => m.Account == "1");
        (alice.Followers, alice.Following, alice.Posts, alice.Lists).ShouldBe((10L, 2L, 5L, 1L));
        alice.Received.ShouldBeEmpty();
    }

    [Fact]
    public void A_file_that_is_not_json_is_one_error()
    {
        using var tmp = new TempFolder();
        var text = File.ReadAllText(Cassette("test_client_get_users_followers__00__GET_2_users_783214_followers.json"));
        File.WriteAllText(tmp.File("x__GET_2_users_783214_followers.json"), text[..(text.Length / 2)]);

        var r = ReadResult.Of(Importer, tmp.File("x__GET_2_users_783214_followers.json"));

        var error = r.Errors.ShouldHaveSingleItem();
        r.Items.Count.ShouldBe(1);
        error.Message.ShouldContain("not valid JSON");
        error.Line.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void A_status_with_a_missing_or_mistyped_field_is_an_error_naming_its_json_path()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("timeline.json"), """
            [
              { "id_str": "1", "text": "no time", "user": { "id_str": "9", "screen_name": "nine" } },
              { "id_str": "2", "created_at": "Sat Jul 13 05:33:14 +0000 2019", "favorite_count": "lots", "user": { "id_str": "9", "screen_name": "nine" } },
              { "id_str": "3", "created_at": "Sat Jul 13 05:33:14 +0000 2019", "text": "fine", "user": { "id_str": "9", "screen_name": "nine" } }
            ]
            """);

        var r = ReadResult.Of(Importer, tmp.File("timeline.json"));

        r.Errors.Select(e => e.Field).ShouldBe(["[0].created_at", "[1].favorite_count"]);
        r.Posts.ShouldHaveSingleItem().Id.ShouldBe("3");
    }

    [Fact]
    public void A_cassette_interaction_without_a_response_is_an_error()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("c.json"), """{ "interactions": [ { "request": { "method": "GET", "uri": "https://api.twitter.com/2/users/1/followers" } } ] }""");

        var r = ReadResult.Of(Importer, tmp.File("c.json"));

        var error = r.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("interactions[0].response");
    }

    [Fact]
    public void Detects_twitter_responses_and_not_mastodon_ones()
    {
        Importer.CanRead(Cassettes).ShouldBeTrue();
        Importer.CanRead(Cassette("testusertimeline__00__GET_1_1_statuses_user_timeline_json.json")).ShouldBeTrue();
        Importer.CanRead(SharedData.Require("fixtures/mastodon-api/mastodon-py-cassettes")).ShouldBeFalse();
        Importer.CanRead(SharedData.Require("fixtures/mastodon-api/docs-examples/Status_01.json")).ShouldBeFalse();
        Importer.CanRead(SharedData.Require("fixtures/twitter-archive/andreruffert")).ShouldBeFalse();
    }
}
