using System.Text;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Twitter;
using Clout.Tests;

namespace Clout.Importers.Tests.Twitter;

public sealed class TwitterArchiveImporterTests
{
    private const string Owner = "112769581";
    private static readonly TwitterArchiveImporter Importer = new();

    private static string Archive => SharedData.Require("fixtures/twitter-archive/andreruffert");

    private static string Data => Path.Combine(Archive, "data");

    [Fact]
    public void Reads_the_fixture_archive_without_errors()
    {
        var r = ReadResult.Of(Importer, Archive);

        r.Errors.ShouldBeEmpty();
        r.Posts.Count.ShouldBe(1986);
        r.Posts.Count(p => p.Kind == PostKind.Reshare).ShouldBe(643);
        r.Posts.Count(p => p.Kind == PostKind.Reply).ShouldBe(485);
        r.Posts.ShouldAllBe(p => p.Account == Owner && p.Network == Network.X);
    }

    [Fact]
    public void Maps_the_owner_account_from_account_and_profile()
    {
        var r = ReadResult.Of(Importer, Archive, new ImportOptions { Person = "andre" });

        var owner = r.Accounts.First(a => a.Id == Owner);
        owner.Handle.ShouldBe("andreruffert");
        owner.Name.ShouldBe("André Ruffert");
        owner.Created.ShouldBe(new DateTimeOffset(2010, 2, 9, 17, 10, 5, TimeSpan.Zero));
        owner.Url.ShouldBe("https://andreruffert.com");
        owner.Bio!.ShouldContain("Self-taught Software Engineer");
        owner.Person.ShouldBe("andre");
    }

    [Fact]
    public void Maps_a_tweet_with_its_time_text_and_counters_kept()
    {
        var r = ReadResult.Of(Importer, Archive);

        var post = r.Posts.Single(p => p.Id == "1588091220244369409");
        post.Kind.ShouldBe(PostKind.Post);
        post.Time.ShouldBe(new DateTimeOffset(2022, 11, 3, 8, 50, 26, TimeSpan.Zero));
        post.Text.ShouldBe("Good morning #LeadDevBerlin 👋 https://t.co/p5Z1ebhgmy");
        post.Url.ShouldBe("https://twitter.com/andreruffert/status/1588091220244369409");
        post.Raw!.ShouldContain("\"LeadDevBerlin\"");
        post.Raw!.ShouldContain("\"favorite_count\":\"5\"");
    }

    [Fact]
    public void Imports_retweets_as_reshare_posts_and_actions_on_the_retweeted_author()
    {
        var r = ReadResult.Of(Importer, Archive);

        // 643 retweets; 11 name accounts the archive gives as id "-1" (deleted since), which have no target.
        var reshares = r.Actions.Where(a => a.Kind == ActionKind.Reshare).ToList();
        reshares.Count.ShouldBe(632);
        var rt = r.Posts.First(p => p.Kind == PostKind.Reshare && p.Text!.StartsWith("RT @year_progress", StringComparison.Ordinal));
        reshares.Single(a => a.Id == $"reshare:{rt.Id}").Target.ShouldBe("3233484298");
    }

    [Fact]
    public void Imports_replies_to_others_as_reply_actions_and_skips_self_replies()
    {
        var r = ReadResult.Of(Importer, Archive);

        // 485 replies, 65 of them to the owner's own tweets (threads).
        var replies = r.Actions.Where(a => a.Kind == ActionKind.Reply).ToList();
        replies.Count.ShouldBe(420);
        replies.ShouldAllBe(a => a.Actor == Owner && a.Target != Owner && a.Post != null);
    }

    [Fact]
    public void Imports_follower_and_following_lists_as_follow_actions_at_the_archive_date()
    {
        var r = ReadResult.Of(Importer, Archive);

        var follows = r.Actions.Where(a => a.Kind == ActionKind.Follow).ToList();
        follows.Count(a => a.Target == Owner).ShouldBe(420);
        follows.Count(a => a.Actor == Owner).ShouldBe(295);
        follows.ShouldContain(a => a.Id == $"follow:18312002:{Owner}");
        follows.ShouldAllBe(a => a.Time == new DateTimeOffset(2022, 11, 14, 18, 44, 55, 824, TimeSpan.Zero));
    }

    [Fact]
    public void Keeps_likes_whose_author_is_known_from_a_reply_and_leaves_out_the_rest()
    {
        var r = ReadResult.Of(Importer, Archive);

        // All 1,359 likes link to /i/web/status/...; 139 liked tweets are ones the owner replied to and 12 more
        // ones the owner quoted by a link naming the author.
        var likes = r.Actions.Where(a => a.Kind == ActionKind.Like).ToList();
        likes.Count.ShouldBe(151);
        likes.ShouldAllBe(a => a.Actor == Owner && a.Post != null && a.Id == $"like:{Owner}:{a.Post}");
    }

    [Fact]
    public void Sums_the_tweet_counters_into_the_owner_metrics()
    {
        var r = ReadResult.Of(Importer, Archive);

        var m = r.Metrics.Single(x => x.Account == Owner);
        m.Date.ShouldBe(new DateOnly(2022, 11, 14));
        m.Followers.ShouldBe(420);
        m.Following.ShouldBe(295);
        m.Posts.ShouldBe(1986);
        m.Received[ActionKind.Like].ShouldBe(1572);
        m.Received[ActionKind.Reshare].ShouldBe(687);
    }

    [Fact]
    public void Ids_are_stable_and_unique_across_reads()
    {
        var a = ReadResult.Of(Importer, Archive);
        var b = ReadResult.Of(Importer, Archive);

        a.Actions.Select(x => x.Id).ShouldBe(b.Actions.Select(x => x.Id));
        a.Actions.Select(x => x.Id).Distinct().Count().ShouldBe(a.Actions.Count);
    }

    [Fact]
    public void Reads_part_files_after_the_first()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Data);
        File.WriteAllText(tmp.File("tweets-part1.js"), """
            window.YTD.tweets.part1 = [ { "tweet" : { "id_str" : "20", "created_at" : "Tue Mar 21 20:50:14 +0000 2006",
              "full_text" : "just setting up my twttr", "favorite_count" : "7", "retweet_count" : "0",
              "entities" : { "user_mentions" : [ { "screen_name" : "biz", "id_str" : "13" } ] } } } ]
            """);

        var r = ReadResult.Of(Importer, tmp.Path);

        r.Errors.ShouldBeEmpty();
        r.Posts.Count.ShouldBe(1987);
        r.Actions.ShouldContain(a => a.Id == "mention:20:13" && a.Kind == ActionKind.Mention && a.Target == "13");
    }

    [Fact]
    public void A_folder_without_tweets_js_is_an_error_naming_the_file()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Data, "tweets.js");

        var r = ReadResult.Of(Importer, tmp.Path);

        r.Items.Count.ShouldBe(1);
        r.Errors.Single().Message.ShouldContain("tweets.js");
    }

    [Fact]
    public void A_folder_without_account_js_is_an_error_naming_the_file()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Data, "account.js");

        var r = ReadResult.Of(Importer, tmp.Path);

        r.Items.Count.ShouldBe(1);
        r.Errors.Single().Message.ShouldContain("account.js");
    }

    [Fact]
    public void A_truncated_tweets_file_yields_the_tweets_before_the_cut_and_one_error()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Data, "tweets.js");
        var bytes = File.ReadAllBytes(Path.Combine(Data, "tweets.js"));
        File.WriteAllBytes(tmp.File("tweets.js"), bytes[..(bytes.Length / 2)]);

        var r = ReadResult.Of(Importer, tmp.Path);

        var error = r.Errors.ShouldHaveSingleItem();
        error.Source.ShouldEndWith("tweets.js");
        error.Line.ShouldBeGreaterThan(1000);
        r.Posts.Count.ShouldBeInRange(900, 1100);
        r.Actions.Count(a => a.Kind == ActionKind.Follow).ShouldBe(715);
    }

    [Fact]
    public void A_corrupt_byte_is_reported_with_its_line()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Data);
        var text = File.ReadAllText(tmp.File("follower.js"));
        var at = text.IndexOf("\"accountId\" : \"445434643\"", StringComparison.Ordinal);
        File.WriteAllText(tmp.File("follower.js"), text[..at] + "\"accountId\" : 445434643x" + text[(at + 25)..]);

        var r = ReadResult.Of(Importer, tmp.Path);

        var error = r.Errors.ShouldHaveSingleItem();
        error.Source.ShouldEndWith("follower.js");
        error.Line.ShouldBe(10);
    }

    [Fact]
    public void A_tweet_with_a_missing_or_mistyped_field_is_an_error_and_the_next_tweet_is_read()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Data, "tweets.js");
        File.WriteAllText(tmp.File("tweets.js"), """
            window.YTD.tweets.part0 = [
              { "tweet" : { "id_str" : "1", "full_text" : "no time" } },
              { "tweet" : { "id_str" : "2", "created_at" : "Tue Mar 21 20:50:14 +0000 2006", "favorite_count" : "many" } },
              { "tweet" : { "id_str" : "3", "created_at" : "yesterday" } },
              { "tweet" : { "id_str" : "4", "created_at" : "Tue Mar 21 20:50:14 +0000 2006", "full_text" : "fine" } }
            ]
            """);

        var r = ReadResult.Of(Importer, tmp.Path);

        r.Errors.Select(e => (e.Line, e.Field)).ShouldBe([(2L, "tweet.created_at"), (3L, "tweet.favorite_count"), (4L, "tweet.created_at")]);
        r.Errors[1].Message.ShouldContain("expected a count");
        r.Posts.ShouldHaveSingleItem().Id.ShouldBe("4");
    }

    [Fact]
    public void A_like_without_a_tweet_id_is_an_error()
    {
        using var tmp = new TempFolder();
        tmp.CopyFrom(Data, "like.js");
        File.WriteAllText(tmp.File("like.js"), "window.YTD.like.part0 = [ { \"like\" : { \"fullText\" : \"x\" } } ]", Encoding.UTF8);

        var r = ReadResult.Of(Importer, tmp.Path);

        var error = r.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("like.tweetId");
        error.Line.ShouldBe(1);
    }

    [Fact]
    public void Detects_the_archive_folder_and_its_data_folder_only()
    {
        Importer.CanRead(Archive).ShouldBeTrue();
        Importer.CanRead(Data).ShouldBeTrue();
        Importer.CanRead(Path.Combine(Data, "tweets.js")).ShouldBeFalse();
        Importer.CanRead(SharedData.Require("fixtures/mastodon-archive/dealingwith")).ShouldBeFalse();
        Importer.CanRead(SharedData.Require("fixtures/twitter-api/tweepy-cassettes")).ShouldBeFalse();
    }
}
