using System.Text.Json.Nodes;
using Clout.Core.Domain;
using Clout.Importers.Common;
using Clout.Importers.Feeds;
using Clout.Tests;

namespace Clout.Importers.Tests.Feeds;

public sealed class FeedImporterTests
{
    private const string Folder = "fixtures/rss-atom/feed-rs";

    private readonly FeedImporter importer = new();

    public static TheoryData<string> XmlFixtures => new(
        "rss_2.0_cloudflare", "rss_2.0_bbc", "rss_2.0_reddit", "rss_1.0_biorxiv", "atom_example_reddit", "atom_mediarss_reddit_1", "atom_mediarss_youtube_1");

    [Theory]
    [MemberData(nameof(XmlFixtures))]
    public void Parses_titles_links_dates_and_authors_as_the_reference_parser_does(string name)
    {
        var result = WebImport.Run(importer, SharedData.Require($"{Folder}/{name}.xml"));
        var expected = JsonNode.Parse(File.ReadAllText(SharedData.Require($"{Folder}/{name}.expected.serde.json")))!;

        result.Errors.ShouldBeEmpty();
        var blog = result.Accounts.ShouldHaveSingleItem();
        blog.Network.ShouldBe(Network.Blog);
        blog.Name.ShouldBe(HtmlText.Collapse(expected["title"]!["content"]!.GetValue<string>()));
        var entries = expected["entries"]!.AsArray();
        result.Posts.Count.ShouldBe(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i]!;
            var post = result.Posts[i];
            post.Account.ShouldBe(blog.Id);
            post.Text!.ShouldStartWith(HtmlText.Collapse(entry["title"]!["content"]!.GetValue<string>()));
            post.Url.ShouldBe(entry["links"]!.AsArray().FirstOrDefault()?["href"]?.GetValue<string>());
            var time = (entry["published"] ?? entry["updated"])!.GetValue<DateTimeOffset>();
            post.Time.ShouldBe(time);
            var authors = entry["authors"]!.AsArray().Select(a => HtmlText.Collapse(a!["name"]!.GetValue<string>())).ToArray();
            var raw = post.Raw is null ? null : JsonNode.Parse(post.Raw)!["authors"]?.AsArray().Select(a => a!.GetValue<string>()).ToArray();
            (raw ?? []).ShouldBe(authors);
        }
    }

    [Fact]
    public void Names_the_blog_by_its_site_link_and_host()
    {
        var result = WebImport.Run(importer, SharedData.Require(Folder + "/rss_2.0_cloudflare.xml"));

        var blog = result.Accounts.ShouldHaveSingleItem();
        (blog.Id, blog.Handle, blog.Name, blog.Url).ShouldBe(("https://blog.cloudflare.com/", "blog.cloudflare.com", "The Cloudflare Blog", "https://blog.cloudflare.com/"));
        JsonNode.Parse(blog.Raw!)!["feed"]!.GetValue<string>().ShouldBe("https://blog.cloudflare.com/rss/");
        var post = result.Posts.ShouldHaveSingleItem();
        post.Id.ShouldBe("6166e7e065133e02a961145d");
        post.Text.ShouldBe("Privacy-Preserving Compromised Credential Checking\n\nAnnouncing a public demo and open-sourced implementation of a privacy-preserving compromised credential checking service");
        JsonNode.Parse(post.Raw!)!["categories"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public void Falls_back_to_the_atom_id_when_a_feed_has_no_link()
    {
        var result = WebImport.Run(importer, SharedData.Require(Folder + "/atom_mediarss_youtube_1.xml"));

        result.Accounts.ShouldHaveSingleItem().Id.ShouldBe("yt:channel:UC7_gcs09iThXybpVgjHZ_7g");
        var post = result.Posts.ShouldHaveSingleItem();
        post.Id.ShouldBe("yt:video:0A1ouV7iD8o");
        post.Raw!.ShouldContain("\"updated\":\"2020-12-25T23:12:12+00:00\""); // readable, not \u002B
    }

    [Fact]
    public void Reads_rss_1_0_items_by_their_rdf_about()
    {
        var result = WebImport.Run(importer, SharedData.Require(Folder + "/rss_1.0_biorxiv.xml"));

        result.Accounts.ShouldHaveSingleItem().Id.ShouldBe("http://biorxiv.org/");
        var post = result.Posts.ShouldHaveSingleItem();
        post.Id.ShouldBe("http://biorxiv.org/cgi/content/short/2023.12.16.571984v1?rss=1");
        post.Time.ShouldBe(new DateTimeOffset(2023, 12, 16, 0, 0, 0, TimeSpan.Zero));
        post.Text!.ShouldContain("\n\nColletotrichum destructivum (Cd) is a phytopathogenic fungus");
    }

    [Fact]
    public void Reads_a_json_feed_and_dates_undated_items_on_the_snapshot_day()
    {
        var result = WebImport.Run(importer, SharedData.Require(Folder + "/jsonfeed_elastic_1.1.json"));
        var expected = JsonNode.Parse(File.ReadAllText(SharedData.Require(Folder + "/jsonfeed_elastic_1.1.expected.serde.json")))!;

        result.Errors.ShouldBeEmpty();
        var blog = result.Accounts.ShouldHaveSingleItem();
        (blog.Id, blog.Name).ShouldBe(("https://www.influxdata.com/blog/", expected["title"]!["content"]!.GetValue<string>()));
        result.Posts.Count.ShouldBe(3);
        result.Posts[0].Time.ShouldBe(expected["entries"]![0]!["published"]!.GetValue<DateTimeOffset>());
        result.Posts[1].Time.ShouldBe(new DateTimeOffset(2018, 2, 6, 13, 34, 12, TimeSpan.Zero));
        result.Posts[0].Text!.ShouldStartWith("InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark\n\nThis blog post has been updated");
        (result.Posts[2].Id, result.Posts[2].Time).ShouldBe(("https://example.com", new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero)));
        JsonNode.Parse(result.Posts[0].Raw!)!["tags"]!.AsArray().Count.ShouldBe(4);
    }

    [Fact]
    public void Sums_slash_comments_into_the_blogs_received_comments_and_keeps_the_comment_feed()
    {
        using var temp = WebImport.Temp();
        var file = temp.File("blog.rss", """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Notes &amp; Queries</title>
                <link>https://Notes.Example.org</link>
                <lastBuildDate>Mon, 03 Jun 2024 09:00:00 EST</lastBuildDate>
                <item>
                  <title>First</title><link>https://notes.example.org/first</link><guid isPermaLink="false">https://notes.example.org/?p=1</guid>
                  <pubDate>Sat, 1 Jun 2024 08:30 PDT</pubDate><dc:creator>Ann</dc:creator>
                  <description>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;</description>
                  <comments>https://notes.example.org/first#comments</comments>
                  <wfw:commentRss>https://notes.example.org/first/feed/</wfw:commentRss>
                  <slash:comments>7</slash:comments>
                </item>
                <item>
                  <title>Second</title><link>/second</link>
                  <pubDate>Sun, 02 Jun 2024 10:00:00 +0200</pubDate>
                  <slash:comments>3</slash:comments>
                </item>
              </channel>
            </rss>
            """);

        var result = WebImport.Run(importer, file);

        result.Errors.ShouldBeEmpty();
        var blog = result.Accounts.ShouldHaveSingleItem();
        (blog.Id, blog.Handle, blog.Name).ShouldBe(("https://notes.example.org/", "notes.example.org", "Notes & Queries"));
        result.Posts.Select(p => (p.Id, p.Url, p.Text)).ShouldBe(
        [
            ("https://notes.example.org/?p=1", "https://notes.example.org/first", "First\n\nHello world"),
            ("https://notes.example.org/second", "https://notes.example.org/second", "Second"),
        ]);
        result.Posts[0].Time.ShouldBe(new DateTimeOffset(2024, 6, 1, 15, 30, 0, TimeSpan.Zero));
        result.Posts[1].Time.ShouldBe(new DateTimeOffset(2024, 6, 2, 8, 0, 0, TimeSpan.Zero));
        var raw = JsonNode.Parse(result.Posts[0].Raw!)!;
        raw["commentRss"]!.GetValue<string>().ShouldBe("https://notes.example.org/first/feed/");
        raw["commentCount"]!.GetValue<long>().ShouldBe(7);
        var metrics = result.Metrics.ShouldHaveSingleItem();
        (metrics.Account, metrics.Date, metrics.Received[ActionKind.Comment]).ShouldBe(("https://notes.example.org/", new DateOnly(2024, 6, 3), 10L));
    }

    [Fact]
    public void Reports_a_bad_item_date_with_its_line_and_keeps_the_other_items()
    {
        using var temp = WebImport.Temp();
        var file = temp.File("bad-date.xml", """
            <rss version="2.0"><channel><title>T</title><link>https://t.example/</link>
            <item><title>A</title><link>https://t.example/a</link><pubDate>last Tuesday</pubDate></item>
            <item><title>B</title><link>https://t.example/b</link><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
            </channel></rss>
            """);

        var result = WebImport.Run(importer, file);

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Field).ShouldBe((file, 2L, "pubDate"));
        error.Message.ShouldContain("'last Tuesday'");
        error.Message.ShouldContain("expected RFC 822");
        result.Posts.ShouldHaveSingleItem().Url.ShouldBe("https://t.example/b");
    }

    [Fact]
    public void Reports_truncated_xml_with_line_and_position_after_the_items_before_the_cut()
    {
        var text = File.ReadAllText(SharedData.Require(Folder + "/atom_mediarss_reddit_1.xml"));
        using var temp = WebImport.Temp();
        var file = temp.File("cut.xml", text[..(text.Length / 2)]);

        var result = WebImport.Run(importer, file);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBeGreaterThan(1);
        error.Message.ShouldStartWith("not well-formed XML at line");
        error.Message.ShouldContain("position");
        result.Posts.Count.ShouldBeInRange(5, 24);
    }

    [Fact]
    public void Refuses_doctypes_foreign_roots_and_broken_json_feeds()
    {
        using var temp = WebImport.Temp();
        var dtd = temp.File("dtd.xml", """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "boom">]><rss version="2.0"><channel><title>&x;</title></channel></rss>""");
        var html = temp.File("page.xml", "<?xml version=\"1.0\"?>\n<html><body/></html>");
        var json = temp.File("feed.json", """{"version": "https://jsonfeed.org/version/1.1", "title": "x", "home_page_url": "https://x.example/", "items": [{"id": "1", "date_published": "soon"}, 7""");
        var badDate = temp.File("dated.json", """{"version": "https://jsonfeed.org/version/1", "home_page_url": "https://x.example/", "items": [{"id": 1, "date_published": "soon"}, 7, {"url": "/a"}]}""");

        WebImport.Run(importer, dtd).Errors.ShouldHaveSingleItem().Message.ShouldContain("DTD");
        var notAFeed = WebImport.Run(importer, SharedData.Require(Folder + "/rss_2.0_bbc.expected.serde.json")).Errors.ShouldHaveSingleItem();
        (notAFeed.Field, notAFeed.Message).ShouldBe(("$.version", "expected a JSON Feed with \"version\": \"https://jsonfeed.org/version/1.1\""));
        var foreign = WebImport.Run(importer, html).Errors.ShouldHaveSingleItem();
        (foreign.Line, foreign.Message).ShouldBe((2L, "found <html>; expected an RSS (<rss>), RSS 1.0 (<rdf:RDF>) or Atom (<feed xmlns=\"http://www.w3.org/2005/Atom\">) feed"));
        WebImport.Run(importer, json).Errors.ShouldHaveSingleItem().Message.ShouldContain("not valid JSON at line 1");
        var dated = WebImport.Run(importer, badDate);
        dated.Errors.Select(e => (e.Field, e.Line)).ShouldBe([("$.items[0].date_published", 1L), ("$.items[1]", 1L)]);
        dated.Posts.ShouldHaveSingleItem().Id.ShouldBe("https://x.example/a");
    }

    [Fact]
    public void Recognises_feeds_and_nothing_else()
    {
        foreach (var file in Directory.GetFiles(SharedData.Require(Folder)).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
        {
            importer.CanRead(file).ShouldBe(!file.EndsWith(".expected.serde.json", StringComparison.Ordinal), file);
        }

        importer.CanRead(SharedData.Require(Folder)).ShouldBeTrue();
        importer.CanRead(Path.Combine(SharedData.RepositoryRoot, "tests/Clout.Importers.Tests/Feeds/Samples/wordpress-export.xml")).ShouldBeFalse();
        foreach (var file in Directory.GetFiles(SharedData.Require("fixtures/reddit-api/praw-cassettes"), "*.json"))
        {
            importer.CanRead(file).ShouldBeFalse(file);
        }

        importer.CanRead(SharedData.Require("fixtures/youtube-api/python-youtube/videos_videos_info_multi.json")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Thu, 14 Oct 2021 12:59:53 GMT", "2021-10-14T12:59:53Z")]
    [InlineData("Fri, 31 May 2019 12:17:58 -0700", "2019-05-31T19:17:58Z")]
    [InlineData("Mon, 3 Jun 2024 09:00 EST", "2024-06-03T14:00:00Z")]
    [InlineData("25 Dec 99 23:59:59 PDT", "1999-12-26T06:59:59Z")]
    [InlineData("Sunday, 01 June 2014 10:00:00 +01:00", "2014-06-01T09:00:00Z")]
    [InlineData("Tue, 10 Jun 2003 04:00:00 Z", "2003-06-10T04:00:00Z")]
    [InlineData("2023-12-16", "2023-12-16T00:00:00Z")]
    [InlineData("2020-12-22T19:15:01+00:00", "2020-12-22T19:15:01Z")]
    [InlineData("2019-11-26T15:51:44.000Z", "2019-11-26T15:51:44Z")]
    public void Parses_the_date_formats_real_feeds_use(string text, string expected)
    {
        FeedDates.TryParse(text, out var time).ShouldBeTrue();
        time.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("31 Feb 2021 10:00:00 GMT")]
    [InlineData("Thu, 14 Oct 2021 25:59:53 GMT")]
    [InlineData("Thu, 14 Oct 2021 12:59:53 XYZT")]
    public void Rejects_what_is_not_a_date(string text) => FeedDates.TryParse(text, out _).ShouldBeFalse();

}
