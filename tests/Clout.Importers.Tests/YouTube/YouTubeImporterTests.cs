using System.Text.Json.Nodes;
using Clout.Core.Domain;
using Clout.Importers.YouTube;
using Clout.Tests;

namespace Clout.Importers.Tests.YouTube;

public sealed class YouTubeImporterTests
{
    private const string Folder = "fixtures/youtube-api/python-youtube";

    private readonly YouTubeImporter importer = new();

    [Fact]
    public void Imports_channels_with_their_audience_counters()
    {
        var result = WebImport.Run(importer, SharedData.Require(Folder + "/channels_info_multiple.json"));

        result.Errors.ShouldBeEmpty();
        result.Accounts.Count.ShouldBe(2);
        var google = result.Accounts[0];
        google.Id.ShouldBe("UCK8sQmJBp8GCxrOtXWBpyEA");
        google.Handle.ShouldBe("google");
        google.Name.ShouldBe("Google");
        google.Created.ShouldBe(new DateTimeOffset(2005, 9, 18, 22, 37, 10, TimeSpan.Zero));
        google.Url.ShouldBe("https://www.youtube.com/@google");
        JsonNode.Parse(google.Raw!)!["viewCount"]!.GetValue<string>().ShouldBe("3331930783");
        var metrics = result.Metrics.Single(m => m.Account == google.Id);
        (metrics.Followers, metrics.Posts, metrics.Date).ShouldBe((10700000L, 2678L, WebImport.Snapshot));
        result.Metrics.Single(m => m.Account == "UC_x5XG1OV2P6uZZ5FSM9Ttw").Followers.ShouldBe(2260000);
    }

    [Fact]
    public void Links_a_person_only_to_a_response_about_a_single_channel()
    {
        var options = new ImportOptions { SnapshotDate = WebImport.Snapshot, Person = "ada" };

        WebImport.Run(importer, SharedData.Require(Folder + "/channels_info.json"), options).Accounts.ShouldHaveSingleItem().Person.ShouldBe("ada");
        WebImport.Run(importer, SharedData.Require(Folder + "/channels_info_multiple.json"), options).Accounts.ShouldAllBe(a => a.Person == null);
    }

    [Fact]
    public void Imports_videos_as_posts_of_their_channels()
    {
        var result = WebImport.Run(importer, SharedData.Require(Folder + "/videos_videos_info_multi.json"));

        result.Errors.ShouldBeEmpty();
        result.Posts.Select(p => (p.Id, p.Account)).ShouldBe([("D-lhorsDlUQ", "UC_x5XG1OV2P6uZZ5FSM9Ttw"), ("ovdbrdCIP7U", "UCJdl3Paao2f3ha5JXMYUCIA")]);
        var video = result.Posts[0];
        video.Time.ShouldBe(new DateTimeOffset(2019, 3, 21, 20, 37, 49, TimeSpan.Zero));
        video.Text!.ShouldStartWith("What are Actions on Google (Assistant on Air)\n\nIn the first episode");
        video.Url.ShouldBe("https://www.youtube.com/watch?v=D-lhorsDlUQ");
        result.Accounts.Single(a => a.Id == "UC_x5XG1OV2P6uZZ5FSM9Ttw").Name.ShouldBe("Google Developers");
        result.Metrics.ShouldBeEmpty(); // these responses were fetched without part=statistics
    }

    [Fact]
    public void Sums_video_likes_and_comments_into_the_channels_received_counters()
    {
        var root = Load(Folder + "/videos_videos_info_multi.json");
        root["items"]![0]!["statistics"] = new JsonObject { ["viewCount"] = "12345", ["likeCount"] = "310", ["commentCount"] = "42" };
        using var temp = WebImport.Temp();

        var result = WebImport.Run(importer, temp.File("videos.json", root.ToJsonString()));

        result.Errors.ShouldBeEmpty();
        var metrics = result.Metrics.ShouldHaveSingleItem();
        metrics.Account.ShouldBe("UC_x5XG1OV2P6uZZ5FSM9Ttw");
        metrics.Received[ActionKind.Like].ShouldBe(310);
        metrics.Received[ActionKind.Comment].ShouldBe(42);
        JsonNode.Parse(result.Posts[0].Raw!)!["viewCount"]!.GetValue<string>().ShouldBe("12345");
    }

    [Fact]
    public void Imports_subscriptions_as_follow_actions()
    {
        var result = WebImport.Run(importer, SharedData.Require(Folder + "/subscriptions_subscriptions_by_channel_p1.json"));

        result.Errors.ShouldBeEmpty();
        result.Actions.Count.ShouldBe(5);
        result.Actions.ShouldAllBe(a => a.Kind == ActionKind.Follow && a.Actor == "UCAuUUnT6oDeKwE6v1NGQxug");
        var first = result.Actions[0];
        first.Id.ShouldBe("FMP3Mleijt-52zZDGkHtR5KhwkvCcdQKWWWIA1j5eGc");
        first.Target.ShouldBe("UCsT0YIqwnpJCM-mx7-gSA4Q");
        first.Time.ShouldBe(new DateTimeOffset(2011, 11, 11, 14, 0, 19, TimeSpan.Zero));
        result.Accounts.Single(a => a.Id == "UCsT0YIqwnpJCM-mx7-gSA4Q").Name.ShouldBe("TEDx Talks");
    }

    [Fact]
    public void Turns_top_level_comments_into_comment_actions_on_the_video_channel_found_in_another_response()
    {
        var result = WebImport.Run(importer, SharedData.Require(Folder));

        result.Errors.ShouldBeEmpty();
        result.Posts.Count.ShouldBe(2 + 5 + 5 + 2 + 2);
        var comments = result.Actions.Where(a => a.Kind == ActionKind.Comment).ToList();
        comments.Select(a => (a.Id, a.Actor, a.Target, a.Post)).ShouldBe(
        [
            ("UgxKREWxIgDrw8w2e_Z4AaABAg", "UClfzT4CU_yaZjJaI4pKqSjQ", "UC_x5XG1OV2P6uZZ5FSM9Ttw", "D-lhorsDlUQ"),
            ("UgyrVQaFfEdvaSzstj14AaABAg", "UCJBxRADq6jctX-YdhjkB6PA", "UC_x5XG1OV2P6uZZ5FSM9Ttw", "D-lhorsDlUQ"),
        ]);
        var reply = result.Posts.Single(p => p.Id == "UgxKREWxIgDrw8w2e_Z4AaABAg");
        (reply.Kind, reply.Parent, reply.Account).ShouldBe((PostKind.Reply, "D-lhorsDlUQ", "UClfzT4CU_yaZjJaI4pKqSjQ"));
        reply.Url.ShouldBe("https://www.youtube.com/watch?v=D-lhorsDlUQ&lc=UgxKREWxIgDrw8w2e_Z4AaABAg");
        result.Actions.Count(a => a.Kind == ActionKind.Follow).ShouldBe(5);
        // Two responses describe Google Developers in full; every other account is emitted once.
        result.Accounts.Count(a => a.Id == "UC_x5XG1OV2P6uZZ5FSM9Ttw").ShouldBe(2);
        result.Accounts.Where(a => a.Id != "UC_x5XG1OV2P6uZZ5FSM9Ttw").GroupBy(a => a.Id).ShouldAllBe(g => g.Count() == 1);
        result.Metrics.GroupBy(m => m.Account).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public void Turns_thread_replies_into_reply_actions_on_the_top_level_author()
    {
        var threads = Load(Folder + "/comment_threads_comment_threads_by_video_paged_2.json");
        var replies = Load(Folder + "/comments_comments_by_parent_paged_1.json")["items"]!.AsArray();
        var thread = threads["items"]![4]!;
        foreach (var reply in replies)
        {
            reply!["snippet"]!["parentId"] = thread["id"]!.GetValue<string>();
        }

        thread["replies"] = new JsonObject { ["comments"] = replies.DeepClone() };
        using var temp = WebImport.Temp();

        var result = WebImport.Run(importer, temp.File("threads.json", threads.ToJsonString()));

        result.Errors.ShouldBeEmpty();
        result.Posts.Count.ShouldBe(7);
        result.Actions.ShouldAllBe(a => a.Kind == ActionKind.Reply);
        result.Actions.Select(a => (a.Actor, a.Target, a.Post)).ShouldBe(
        [
            ("UCNvMBmCASzTNNX8lW3JRMbw", "UCACHW4qVHoE4zqhHxcVE3Kw", "UgwI_ylXVnzPS8Q-oAV4AaABAg"),
            ("UCNvMBmCASzTNNX8lW3JRMbw", "UCACHW4qVHoE4zqhHxcVE3Kw", "UgwI_ylXVnzPS8Q-oAV4AaABAg"),
        ]);
        result.Metrics.Single(m => m.Account == "UCzZ87J8wYVpOADFviqyFKhw").Received[ActionKind.Like].ShouldBe(4);
    }

    [Fact]
    public void Reports_bad_records_by_json_path_and_keeps_the_others()
    {
        var root = Load(Folder + "/videos_videos_chart_paged_1.json");
        root["items"]![0]!["snippet"]!.AsObject().Remove("publishedAt");
        root["items"]![1]!["statistics"] = new JsonObject { ["likeCount"] = "lots" };
        root["items"]![2]!.AsObject().Remove("kind");
        using var temp = WebImport.Temp();

        var text = root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        var result = WebImport.Run(importer, temp.File("chart.json", text));

        result.Errors.Select(e => e.Field).ShouldBe(["$.items[0].snippet.publishedAt", "$.items[1].statistics.likeCount", "$.items[2].kind"]);
        result.Errors[1].Line.ShouldBe(text[..text.IndexOf("\"lots\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1);
        result.Errors[0].Line.ShouldBeLessThan(result.Errors[1].Line);
        result.Errors[1].Line.ShouldBeLessThan(result.Errors[2].Line);
        result.Errors[1].Message.ShouldContain("expected a whole number, found \"lots\"");
        result.Posts.Count.ShouldBe(2);
    }

    [Fact]
    public void Reports_truncated_responses_and_api_errors()
    {
        var text = File.ReadAllText(SharedData.Require(Folder + "/subscriptions_subscriptions_by_channel_p1.json"));
        using var temp = WebImport.Temp();
        var truncated = temp.File("subs.json", text[..3000]);
        var apiError = temp.File("error.json", """{"error": {"code": 403, "message": "quotaExceeded", "errors": []}}""");

        var cut = WebImport.Run(importer, truncated);
        var failed = WebImport.Run(importer, apiError);

        cut.Errors.ShouldHaveSingleItem().Message.ShouldContain("not valid JSON at line");
        cut.Errors[0].Line.ShouldBeGreaterThan(50);
        failed.Errors.ShouldHaveSingleItem().Message.ShouldContain("403: quotaExceeded");
    }

    [Fact]
    public void Recognises_youtube_responses_and_nothing_else()
    {
        foreach (var file in Directory.GetFiles(SharedData.Require(Folder), "*.json"))
        {
            importer.CanRead(file).ShouldBeTrue(file);
        }

        importer.CanRead(SharedData.Require(Folder)).ShouldBeTrue();
        foreach (var file in Directory.GetFiles(SharedData.Require("fixtures/reddit-api/praw-cassettes"), "*.json"))
        {
            importer.CanRead(file).ShouldBeFalse(file);
        }

        importer.CanRead(SharedData.Require("fixtures/rss-atom/feed-rs/atom_mediarss_youtube_1.xml")).ShouldBeFalse();
        importer.CanRead(SharedData.Require("fixtures/rss-atom/feed-rs/jsonfeed_elastic_1.1.json")).ShouldBeFalse();
    }

    private static JsonNode Load(string relative) => JsonNode.Parse(File.ReadAllText(SharedData.Require(relative)))!;
}
