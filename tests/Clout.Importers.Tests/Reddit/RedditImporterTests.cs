using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clout.Core.Domain;
using Clout.Importers.Reddit;
using Clout.Tests;

namespace Clout.Importers.Tests.Reddit;

public sealed class RedditImporterTests
{
    private const string Folder = "fixtures/reddit-api/praw-cassettes";
    private const string Top = Folder + "/TestSubredditListings.test_top__01__GET_r_askreddit_top.json";
    private const string Tree = Folder + "/TestSubmission.test_comments__01__GET_comments_2gmzqe.json";
    private const string Comments = Folder + "/TestSubredditListings.test_comments__01__GET_r_askreddit_comments.json";
    private const string About = Folder + "/TestRedditor.test_fullname_init__02__GET_user_PyAPITestUser3_about.json";
    private const string AccountIds = Folder + "/TestRedditor.test_fullname_init__01__GET_api_user_data_by_account_ids.json";

    private readonly RedditImporter importer = new();

    [Fact]
    public void Imports_a_submission_listing_as_posts_with_their_authors_and_scores()
    {
        var result = WebImport.Run(importer, SharedData.Require(Top));

        result.Errors.ShouldBeEmpty();
        result.Posts.Count.ShouldBe(96); // 100 submissions, 4 by [deleted] accounts
        result.Accounts.Count.ShouldBe(96);
        result.Actions.ShouldBeEmpty();
        var first = result.Posts[0];
        first.Id.ShouldBe("t3_2np694");
        first.Account.ShouldBe("do_u_evn_spaghetti");
        first.Kind.ShouldBe(PostKind.Post);
        first.Time.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1417208878));
        first.Text.ShouldBe("What tasty food would be distusting if eaten over rice?");
        first.Url.ShouldBe("https://www.reddit.com/r/AskReddit/comments/2np694/what_tasty_food_would_be_distusting_if_eaten_over/");
        JsonNode.Parse(first.Raw!)!["subreddit"]!.GetValue<string>().ShouldBe("AskReddit");
        result.Accounts[0].Handle.ShouldBe("DO_U_EVN_SPAGHETTI");

        var metrics = result.Metrics.Single(m => m.Account == "do_u_evn_spaghetti");
        metrics.Date.ShouldBe(WebImport.Snapshot);
        metrics.Received[ActionKind.Like].ShouldBe(38445);
        metrics.Received[ActionKind.Comment].ShouldBe(7804);
    }

    [Fact]
    public void Imports_a_comment_tree_as_replies_and_comment_actions_on_the_parents_authors()
    {
        var result = WebImport.Run(importer, SharedData.Require(Tree));

        result.Errors.ShouldBeEmpty();
        result.Posts.Select(p => (p.Id, p.Account, p.Kind, p.Parent)).ShouldBe(
        [
            ("t3_2gmzqe", "bboe", PostKind.Post, null),
            ("t1_cklfmye", "paneer_burrito", PostKind.Reply, "t3_2gmzqe"),
            ("t1_cklhv0f", "bboe", PostKind.Reply, "t1_cklfmye"),
        ]);
        result.Actions.Select(a => (a.Id, a.Kind, a.Actor, a.Target, a.Post)).ShouldBe(
        [
            ("t1_cklfmye", ActionKind.Comment, "paneer_burrito", "bboe", "t3_2gmzqe"),
            ("t1_cklhv0f", ActionKind.Comment, "bboe", "paneer_burrito", "t1_cklfmye"),
        ]);
        result.Actions[0].Time.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1411005112));
        result.Metrics.Single(m => m.Account == "bboe").Received[ActionKind.Comment].ShouldBe(2);
    }

    [Fact]
    public void Uses_the_link_author_of_a_comment_listing_to_credit_the_submission_author()
    {
        var result = WebImport.Run(importer, SharedData.Require(Comments));

        result.Errors.ShouldBeEmpty();
        result.Posts.Count.ShouldBe(100);
        result.Posts.ShouldAllBe(p => p.Kind == PostKind.Reply);
        result.Actions.Count.ShouldBe(45); // the other 55 answer comments that are not in the listing
        var first = result.Actions[0];
        (first.Actor, first.Target, first.Post).ShouldBe(("preppypuppy", "steelers565", "t3_4r4inc"));
        result.Posts[0].Url.ShouldBe("https://www.reddit.com/comments/4r4inc/_/d4y8bdp/");
        result.Accounts.ShouldContain(a => a.Id == "steelers565" && a.Handle == "Steelers565");
    }

    [Fact]
    public void Imports_an_about_page_as_an_account_with_its_karma()
    {
        var result = WebImport.Run(importer, SharedData.Require(About), new ImportOptions { SnapshotDate = WebImport.Snapshot, Person = "alice" });

        result.Errors.ShouldBeEmpty();
        var account = result.Accounts.ShouldHaveSingleItem();
        account.Id.ShouldBe("pyapitestuser3");
        account.Handle.ShouldBe("PyAPITestUser3");
        account.Person.ShouldBe("alice");
        account.Created.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1322552953));
        JsonNode.Parse(account.Raw!)!["fullname"]!.GetValue<string>().ShouldBe("t2_6c1xj");
        result.Metrics.ShouldHaveSingleItem().Received[ActionKind.Like].ShouldBe(1);
    }

    [Fact]
    public void Imports_user_data_by_account_ids_keyed_by_fullname()
    {
        var result = WebImport.Run(importer, SharedData.Require(AccountIds));

        result.Errors.ShouldBeEmpty();
        var account = result.Accounts.ShouldHaveSingleItem();
        account.Id.ShouldBe("pyapitestuser3");
        JsonNode.Parse(account.Raw!)!["fullname"]!.GetValue<string>().ShouldBe("t2_6c1xj");
    }

    [Fact]
    public void Reads_a_folder_of_responses_with_one_metrics_record_per_account()
    {
        var result = WebImport.Run(importer, SharedData.Require(Folder));

        result.Errors.ShouldBeEmpty();
        result.Posts.Count.ShouldBe(1 + 3 + 100 + 102 + 96);
        result.Metrics.GroupBy(m => (m.Account, m.Date)).ShouldAllBe(g => g.Count() == 1);
        result.Accounts.GroupBy(a => a.Id).Count().ShouldBe(result.Accounts.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void Reads_the_response_bodies_of_a_betamax_cassette_and_dates_metrics_by_recording()
    {
        var body = File.ReadAllText(SharedData.Require(Tree));
        using var temp = WebImport.Temp();
        var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(body));
        }

        var cassette = Cassette(
            Interaction("https://oauth.reddit.com/comments/2gmzqe/", new JsonObject { ["string"] = body, ["encoding"] = "UTF-8" }, 200, "2016-03-21T07:39:05"),
            Interaction("https://oauth.reddit.com/comments/nothere/", new JsonObject { ["string"] = "{\"error\": 404}" }, 404, "2016-03-21T07:39:06"),
            Interaction("https://oauth.reddit.com/comments/2gmzqe/", new JsonObject { ["base64_string"] = Convert.ToBase64String(gzipped.ToArray()) }, 200, "2016-03-22T07:39:05"));
        var file = temp.File("TestSubmission.test_comments.json", cassette);

        importer.CanRead(file).ShouldBeTrue();
        var result = WebImport.Run(importer, file);

        result.Errors.ShouldBeEmpty();
        result.Posts.Count.ShouldBe(6);
        result.Metrics.Where(m => m.Account == "bboe").Select(m => m.Date).ShouldBe([new DateOnly(2016, 3, 21), new DateOnly(2016, 3, 22)]);
    }

    [Fact]
    public void Reports_a_truncated_response_with_its_line_and_stops_that_file()
    {
        var text = File.ReadAllText(SharedData.Require(Top));
        using var temp = WebImport.Temp();
        var file = temp.File("top.json", text[..(text.Length / 2)]);

        var result = WebImport.Run(importer, file);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Source.ShouldBe(file);
        error.Line.ShouldBeGreaterThan(1000);
        error.Message.ShouldContain("not valid JSON");
        result.Posts.ShouldBeEmpty();
    }

    [Fact]
    public void Reports_a_missing_or_mistyped_field_by_json_path_and_keeps_the_other_things()
    {
        var root = JsonNode.Parse(File.ReadAllText(SharedData.Require(Top)))!;
        var children = root["data"]!["children"]!.AsArray();
        children[0]!["data"]!.AsObject().Remove("created_utc");
        children[1]!["data"]!["score"] = "many";
        children[2] = 42;
        using var temp = WebImport.Temp();
        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var file = temp.File("top.json", text);

        var result = WebImport.Run(importer, file);

        result.Errors.Select(e => e.Field).ShouldBe(["$.data.children[2]", "$.data.children[0].data.created_utc", "$.data.children[1].data.score"]);
        result.Errors[0].Line.ShouldBe(LineOf(text, "\n      42"));
        result.Errors[1].Line.ShouldBe(LineOf(text, "\"DO_U_EVN_SPAGHETTI\"") - 18); // the line of the data object missing the field
        result.Errors[2].Line.ShouldBe(LineOf(text, "\"score\": \"many\""));
        result.Errors[1].Message.ShouldContain("missing");
        result.Errors[2].Message.ShouldContain("expected a whole number, found \"many\"");
        result.Posts.Count.ShouldBe(96 - 3); // the two broken submissions and the one replaced by 42
    }

    [Fact]
    public void Reports_a_corrupt_cassette_body_and_a_missing_file()
    {
        using var temp = WebImport.Temp();
        var file = temp.File("c.json", Cassette(Interaction("https://oauth.reddit.com/r/x/hot", new JsonObject { ["base64_string"] = "%%%" }, 200, "2016-01-01T00:00:00")));

        var result = WebImport.Run(importer, file);
        var missing = WebImport.Run(importer, Path.Combine(temp.Path, "absent.json"));

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe("http_interactions[0].response.body");
        missing.Errors.ShouldHaveSingleItem().Message.ShouldContain("no such file");
    }

    [Fact]
    public void Recognises_reddit_responses_and_nothing_else()
    {
        foreach (var file in Directory.GetFiles(SharedData.Require(Folder), "*.json"))
        {
            importer.CanRead(file).ShouldBeTrue(file);
        }

        importer.CanRead(SharedData.Require(Folder)).ShouldBeTrue();
        foreach (var file in Directory.GetFiles(SharedData.Require("fixtures/youtube-api/python-youtube"), "*.json"))
        {
            importer.CanRead(file).ShouldBeFalse(file);
        }

        importer.CanRead(SharedData.Require("fixtures/rss-atom/feed-rs/jsonfeed_elastic_1.1.json")).ShouldBeFalse();
        importer.CanRead(SharedData.Require("fixtures/rss-atom/feed-rs/rss_2.0_reddit.xml")).ShouldBeFalse();
        importer.CanRead(SharedData.Require("fixtures/youtube-api/python-youtube")).ShouldBeFalse();
    }

    private static long LineOf(string text, string needle) => text[..(text.IndexOf(needle, StringComparison.Ordinal) + 1)].Count(c => c == '\n') + 1;

    private static JsonObject Interaction(string uri, JsonObject body, int status, string recordedAt) => new()
    {
        ["request"] = new JsonObject { ["method"] = "GET", ["uri"] = uri, ["body"] = new JsonObject { ["string"] = "" } },
        ["response"] = new JsonObject { ["body"] = body, ["status"] = new JsonObject { ["code"] = status, ["message"] = "OK" }, ["url"] = uri },
        ["recorded_at"] = recordedAt,
    };

    private static string Cassette(params JsonObject[] interactions) =>
        new JsonObject { ["http_interactions"] = new JsonArray(interactions), ["recorded_with"] = "betamax/0.8.1" }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
