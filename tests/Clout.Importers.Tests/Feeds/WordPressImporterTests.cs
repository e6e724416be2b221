using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Clout.Core.Domain;
using Clout.Importers.Feeds;
using Clout.Tests;

namespace Clout.Importers.Tests.Feeds;

public sealed class WordPressImporterTests
{
    private const string Blog = "https://fieldnotes.example.org/";

    private static readonly string Sample = Path.Combine(SharedData.RepositoryRoot, "tests", "Clout.Importers.Tests", "Feeds", "Samples", "wordpress-export.xml");

    private static readonly string Tom = "comment-author:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("tom@example.net")));

    private readonly WordPressImporter importer = new();

    [Fact]
    public void Imports_the_blog_and_its_published_posts_and_pages()
    {
        var result = WebImport.Run(importer, Sample);

        result.Errors.ShouldBeEmpty();
        var blog = result.Accounts[0];
        (blog.Network, blog.Id, blog.Handle, blog.Name, blog.Bio).ShouldBe((Network.Blog, Blog, "fieldnotes.example.org", "Field Notes", "Small studies in how ideas travel"));
        JsonNode.Parse(blog.Raw!)!["authors"]![0]!["name"]!.GetValue<string>().ShouldBe("Maria Okafor");
        var posts = result.Posts.Where(p => p.Kind == PostKind.Post).ToList();
        posts.Select(p => p.Id).ShouldBe(["https://fieldnotes.example.org/?p=101", "https://fieldnotes.example.org/?p=102", "https://fieldnotes.example.org/?page_id=2"]);
        posts.ShouldAllBe(p => p.Account == Blog);
        posts[0].Time.ShouldBe(new DateTimeOffset(2024, 2, 2, 9, 30, 0, TimeSpan.Zero));
        posts[0].Text.ShouldBe("Measuring reach without counting followers\n\nFollower counts tell you who could see a post. Reach is about who acts on it.");
        posts[0].Url.ShouldBe("https://fieldnotes.example.org/2024/02/measuring-reach/");
        posts[1].Text.ShouldBe("Comment threads are conversations\n\nWhy we count threads, not just comments.");
        JsonNode.Parse(posts[2].Raw!)!["postType"]!.GetValue<string>().ShouldBe("page");
    }

    [Fact]
    public void Counts_drafts_attachments_and_unapproved_comments_as_not_imported()
    {
        var result = WebImport.Run(importer, Sample);

        var metrics = result.Metrics.ShouldHaveSingleItem();
        (metrics.Account, metrics.Date, metrics.Posts).ShouldBe((Blog, new DateOnly(2024, 3, 10), 3L));
        var skipped = JsonNode.Parse(metrics.Raw!)!["notImported"]!;
        skipped["draft"]!.GetValue<long>().ShouldBe(1);
        skipped["attachment"]!.GetValue<long>().ShouldBe(1);
        skipped["pingback"]!.GetValue<long>().ShouldBe(1);
        skipped["unapproved comment"]!.GetValue<long>().ShouldBe(1);
        result.Posts.ShouldNotContain(p => p.Id.Contains("p=103", StringComparison.Ordinal) || p.Id.Contains("#comment-13", StringComparison.Ordinal));
    }

    [Fact]
    public void Turns_approved_comments_into_replies_and_comment_actions_on_the_blog_or_the_parent_commenter()
    {
        var result = WebImport.Run(importer, Sample);

        var replies = result.Posts.Where(p => p.Kind == PostKind.Reply).ToList();
        replies.Select(p => (p.Id, p.Parent)).ShouldBe(
        [
            ("https://fieldnotes.example.org/?p=101#comment-11", "https://fieldnotes.example.org/?p=101"),
            ("https://fieldnotes.example.org/?p=101#comment-12", "https://fieldnotes.example.org/?p=101#comment-11"),
            ("https://fieldnotes.example.org/?p=101#comment-15", "https://fieldnotes.example.org/?p=101"),
            ("https://fieldnotes.example.org/?p=102#comment-21", "https://fieldnotes.example.org/?p=102"),
            ("https://fieldnotes.example.org/?p=102#comment-22", "https://fieldnotes.example.org/?p=102#comment-21"),
        ]);
        replies[0].Text.ShouldBe("So a post that gets three thoughtful replies beats one that gets thirty likes?");
        replies[0].Time.ShouldBe(new DateTimeOffset(2024, 2, 2, 11, 5, 0, TimeSpan.Zero));
        replies[0].Url.ShouldBe("https://fieldnotes.example.org/2024/02/measuring-reach/#comment-11");

        const string priya = "comment-author:Priya@fieldnotes.example.org";
        const string lena = "comment-author:https://lena.example.com/";
        result.Actions.Select(a => (a.Kind, a.Actor, a.Target)).ShouldBe(
        [
            (ActionKind.Comment, Tom, Blog),
            (ActionKind.Comment, Blog, Tom), // the post's author answering, as the blog
            (ActionKind.Comment, priya, Blog),
            (ActionKind.Comment, Tom, Blog), // the same e-mail in other case is the same commenter
            (ActionKind.Comment, lena, Tom),
        ]);
        result.Actions[1].Post.ShouldBe("https://fieldnotes.example.org/?p=101#comment-11");
        result.Accounts.Skip(1).Select(a => (a.Id, a.Name)).ShouldBe([(Tom, "Tom Baker"), (priya, "Priya"), (lena, "Lena")]);
        result.Accounts[1].Url.ShouldBe("https://tom.example.net");
    }

    [Fact]
    public void Never_stores_an_email_address()
    {
        var result = WebImport.Run(importer, Sample);

        var everything = string.Join('\n', result.Accounts.Select(a => $"{a.Id} {a.Raw} {a.Name} {a.Url}")
            .Concat(result.Posts.Select(p => $"{p.Id} {p.Account} {p.Raw} {p.Text}"))
            .Concat(result.Actions.Select(a => $"{a.Id} {a.Actor} {a.Target}"))
            .Concat(result.Metrics.Select(m => m.Raw)));
        everything.ShouldNotContain("@example.net", Case.Insensitive);
        everything.ShouldNotContain("maria@", Case.Insensitive);
        everything.ShouldNotContain("192.0.2.14");
    }

    [Fact]
    public void Reports_a_bad_comment_date_with_its_line_and_keeps_the_other_comments()
    {
        var text = File.ReadAllText(Sample).Replace("<![CDATA[2024-03-05 17:10:00]]>", "<![CDATA[5 March, teatime]]>", StringComparison.Ordinal);
        using var temp = WebImport.Temp();
        var file = temp.File("export.xml", text);
        var line = text[..text.IndexOf("<wp:comment_id>21<", StringComparison.Ordinal)].Count(c => c == '\n');

        var result = WebImport.Run(importer, file);

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Field).ShouldBe((file, (long)line, "wp:comment_date_gmt"));
        error.Message.ShouldContain("'5 March, teatime'");
        result.Posts.Count(p => p.Kind == PostKind.Reply).ShouldBe(4);
        result.Actions.Count.ShouldBe(4);
    }

    [Fact]
    public void Reports_a_truncated_export_after_the_items_before_the_cut()
    {
        var text = File.ReadAllText(Sample);
        using var temp = WebImport.Temp();
        var file = temp.File("export.xml", text[..text.IndexOf("<wp:comment_id>22<", StringComparison.Ordinal)]);

        var result = WebImport.Run(importer, file);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldStartWith("not well-formed XML at line");
        error.Line.ShouldBeGreaterThan(100);
        result.Posts.Count.ShouldBe(4); // the first post and its three approved comments; the second item is cut
    }

    [Fact]
    public void Refuses_a_feed_that_is_not_an_export()
    {
        using var temp = WebImport.Temp();
        var file = temp.File("export.xml", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");

        var error = WebImport.Run(importer, file).Errors.ShouldHaveSingleItem();

        (error.Line, error.Message).ShouldBe((2L, "found <feed>; expected a WordPress export: <rss> with xmlns:wp=\"http://wordpress.org/export/1.2/\""));
    }

    [Fact]
    public void Recognises_wordpress_exports_and_nothing_else()
    {
        importer.CanRead(Sample).ShouldBeTrue();
        new FeedImporter().CanRead(Sample).ShouldBeFalse();
        foreach (var file in Directory.GetFiles(SharedData.Require("fixtures/rss-atom/feed-rs")))
        {
            importer.CanRead(file).ShouldBeFalse(file);
        }

        importer.CanRead(SharedData.Require("fixtures/reddit-api/praw-cassettes")).ShouldBeFalse();
    }
}
