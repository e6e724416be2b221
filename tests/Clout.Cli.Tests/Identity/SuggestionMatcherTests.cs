using Clout.Application.Identity;
using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Cli.Tests.Identity;

/// <summary>The identity suggestion matcher on hand-made accounts (issue 5, part 2).</summary>
public sealed class SuggestionMatcherTests
{
    private static AccountInfo Account(Network network, string id, string? handle = null, string? name = null, string? person = null) =>
        new(network, id, handle, name, null, person ?? new AccountKey(network, id).ToString());

    private static bool Joins(IdentitySuggestion s, Network a, Network b) =>
        (s.Account.Network == a && s.Other.Network == b) || (s.Account.Network == b && s.Other.Network == a);

    private static IReadOnlyList<IdentitySuggestion> Match(params AccountInfo[] accounts) => new SuggestionMatcher().Match(accounts);

    [Fact]
    public void The_same_handle_on_x_mastodon_and_bluesky_is_suggested_for_each_pair()
    {
        var suggestions = Match(
            Account(Network.X, "1001", "alice_archer", "Alice Archer"),
            Account(Network.Mastodon, "alice_archer@mastodon.social", "alice_archer", "Alice Archer"),
            Account(Network.Bluesky, "did:plc:alice", "alice_archer.bsky.social"),
            Account(Network.X, "1002", "bob"));

        suggestions.Count.ShouldBe(3);
        suggestions.ShouldAllBe(s => s.Reason.Contains("same handle"));
        var xm = suggestions.Single(s => Joins(s, Network.X, Network.Mastodon));
        xm.Evidence.Single().Kind.ShouldBe("same-handle");
        xm.Evidence.Single().Value.ShouldBe("alice_archer");
        xm.Evidence.Single().Description.ShouldContain("both named 'Alice Archer'");

        // A shared display name makes the same handle more convincing.
        var withBluesky = suggestions.Single(s => Joins(s, Network.X, Network.Bluesky));
        xm.Confidence.ShouldBeGreaterThan(withBluesky.Confidence);
    }

    [Fact]
    public void The_confirming_command_links_the_account_into_the_other_accounts_person()
    {
        var suggestion = Match(
            Account(Network.X, "1001", "carol_cho", person: "carol"),
            Account(Network.Mastodon, "carol_cho@m.social")).Single();

        suggestion.Person.ShouldBe("carol");
        suggestion.Account.ShouldBe(new AccountKey(Network.Mastodon, "carol_cho@m.social"));
        suggestion.AccountPerson.ShouldBe("mastodon:carol_cho@m.social");
        suggestion.Command.ShouldBe("clout link carol mastodon:carol_cho@m.social");
    }

    [Fact]
    public void Accounts_already_linked_to_one_person_are_not_suggested_again()
    {
        Match(
            Account(Network.X, "1001", "dana_diaz", person: "dana"),
            Account(Network.Mastodon, "dana_diaz@m.social", person: "dana")).ShouldBeEmpty();
    }

    [Fact]
    public void The_same_handle_on_one_network_short_handles_and_very_common_handles_are_not_suggested()
    {
        Match(Account(Network.Mastodon, "erin_e@a.social"), Account(Network.Mastodon, "erin_e@b.social")).ShouldBeEmpty();
        Match(Account(Network.X, "1", "ed"), Account(Network.Reddit, "ed", "ed")).ShouldBeEmpty();
        var common = Enumerable.Range(0, 8).Select(i => Account(Network.Mastodon, $"john@i{i}.social")).Append(Account(Network.X, "1", "john")).ToArray();
        Match(common).ShouldBeEmpty();
    }

    [Fact]
    public void A_verified_mastodon_profile_field_linking_to_an_x_profile_is_strong_evidence()
    {
        var mastodon = Account(Network.Mastodon, "frank@hachyderm.io", "frank") with
        {
            Raw = """{"fields":[{"name":"X","value":"<a href=\"https://x.com/frank_f\" rel=\"nofollow noopener me\">x.com/frank_f</a>","verified_at":"2024-01-01T00:00:00Z"}]}""",
        };
        var suggestion = Match(mastodon, Account(Network.X, "42", "Frank_F")).Single();

        var evidence = suggestion.Evidence.Single(e => e.Kind == "profile-link");
        evidence.Account.ShouldBe(mastodon.Key);
        evidence.Field.ShouldBe("raw.fields[0].value");
        evidence.Value.ShouldBe("https://x.com/frank_f");
        evidence.Confidence.ShouldBe(0.95);
        evidence.Description.ShouldContain("verified");
        suggestion.Reason.ShouldBe("a profile links to the other account");
    }

    [Fact]
    public void Profiles_that_link_to_each_other_are_more_certain_than_a_link_one_way()
    {
        var x = Account(Network.X, "7", "gina") with { Url = "https://mastodon.art/@gina" };
        var m = Account(Network.Mastodon, "gina@mastodon.art", "gina") with { Bio = "also at https://twitter.com/gina" };
        var oneWay = Match(x, Account(Network.Mastodon, "gina@mastodon.art", "gina")).Single();
        var both = Match(x, m).Single();

        both.Reason.ShouldStartWith("the profiles link to each other");
        both.Confidence.ShouldBeGreaterThan(oneWay.Confidence);
        both.Evidence.Select(e => e.Kind).ShouldBe(["profile-link", "profile-link", "same-handle"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("https://www.reddit.com/user/Hank_H", Network.Reddit, "hank_h")]
    [InlineData("https://old.reddit.com/u/hank_h/", Network.Reddit, "hank_h")]
    [InlineData("https://www.youtube.com/@HankMakes", Network.YouTube, "UC123")]
    [InlineData("https://youtube.com/channel/UC123", Network.YouTube, "UC123")]
    [InlineData("https://bsky.app/profile/hank.example.com", Network.Bluesky, "did:plc:hank")]
    [InlineData("https://bsky.app/profile/did:plc:hank", Network.Bluesky, "did:plc:hank")]
    [InlineData("https://fosstodon.org/@hank", Network.Mastodon, "hank@fosstodon.org")]
    [InlineData("https://fosstodon.org/users/hank", Network.Mastodon, "hank@fosstodon.org")]
    [InlineData("https://twitter.com/intent/user?user_id=555", Network.X, "555")]
    [InlineData("https://www.instagram.com/hank.pics/", Network.Instagram, "hank.pics")]
    public void A_link_in_a_blog_description_resolves_to_the_account_it_names(string url, Network network, string id)
    {
        var blog = Account(Network.Blog, "https://hank.example.net/", "hank.example.net", "Hank's notes") with { Bio = $"Find me at {url}." };
        var accounts = new[]
        {
            blog,
            Account(Network.Reddit, "hank_h", "Hank_H"),
            Account(Network.YouTube, "UC123", "HankMakes"),
            Account(Network.Bluesky, "did:plc:hank", "hank.example.com"),
            Account(Network.Mastodon, "hank@fosstodon.org", "hank"),
            Account(Network.X, "555", "somebody_else"),
            Account(Network.Instagram, "hank.pics", "hank.pics"),
        };

        var links = new SuggestionMatcher { MinConfidence = 0 }.Match(accounts).Where(s => s.Evidence.Any(e => e.Kind == "profile-link" && e.Account == blog.Key)).ToList();

        var suggestion = links.ShouldHaveSingleItem();
        new[] { suggestion.Account, suggestion.Other }.ShouldContain(new AccountKey(network, id));
        suggestion.Evidence.First(e => e.Kind == "profile-link").Field.ShouldBe("bio");
    }

    [Fact]
    public void A_website_field_pointing_at_a_known_blog_is_a_link_to_it_and_a_page_of_it_a_weaker_site_link()
    {
        var blog = Account(Network.Blog, "https://ivy.dev/", "ivy.dev");

        var home = Match(Account(Network.X, "99", "ivy") with { Url = "https://www.ivy.dev" }, blog).Single().Evidence.Single();
        var page = Match(Account(Network.X, "99", "ivy") with { Url = "https://ivy.dev/about/me" }, blog).Single().Evidence.Single();

        home.Kind.ShouldBe("profile-link");
        home.Field.ShouldBe("url");
        home.Confidence.ShouldBe(0.85);
        page.Kind.ShouldBe("site-link");
        page.Confidence.ShouldBe(0.6, 1e-9);
    }

    [Fact]
    public void A_bluesky_handle_that_is_a_blog_domain_is_suggested()
    {
        var bluesky = Account(Network.Bluesky, "did:plc:jay", "jay.example.org");
        var suggestion = Match(bluesky, Account(Network.Blog, "https://www.jay.example.org/", "www.jay.example.org")).Single();

        suggestion.Evidence.Single().Kind.ShouldBe("handle-domain");
        suggestion.Reason.ShouldBe("the Bluesky handle is the other account's domain");
    }

    [Fact]
    public void A_mastodon_address_in_a_bio_resolves_and_an_e_mail_address_does_not()
    {
        var x = Account(Network.X, "5", "kim_k") with { Bio = "write to kim@example.social or follow @kim@example.social" };
        var suggestion = new SuggestionMatcher { MinConfidence = 0 }.Match([x, Account(Network.Mastodon, "kim@example.social", "kim")]).Single();

        var evidence = suggestion.Evidence.Single();
        evidence.Kind.ShouldBe("profile-link");
        evidence.Value.ShouldBe("kim@example.social");
        ProfileLinks.Extract(x).Select(r => r.Kind).ShouldBe([ReferenceKind.MastodonAddress]);
    }

    [Fact]
    public void A_url_that_many_accounts_give_as_theirs_is_not_evidence()
    {
        var shared = Enumerable.Range(0, 5).Select(i => Account(Network.X, $"{i}", $"user{i}x") with { Url = "https://linktr.ee" }).ToList();
        shared.Add(Account(Network.Blog, "https://lee.example/", "lee.example") with { Bio = "https://linktr.ee" });
        Match([.. shared]).ShouldBeEmpty();
    }

    [Fact]
    public void A_profile_linking_to_itself_suggests_nothing()
    {
        Match(Account(Network.Mastodon, "liz@m.social", "liz") with { Url = "https://m.social/@liz", Bio = "https://m.social/@liz" }).ShouldBeEmpty();
    }

    [Fact]
    public void Suggestions_are_ordered_by_confidence_and_deterministic()
    {
        var accounts = new[]
        {
            Account(Network.X, "1", "mona_m"),
            Account(Network.Reddit, "mona_m", "mona_m"),
            Account(Network.X, "2", "nick_n_long") with { Url = "https://nick.example" },
            Account(Network.Blog, "https://nick.example/", "nick.example"),
        };

        var first = Match(accounts);
        first.Select(s => s.Confidence).ShouldBe(first.Select(s => s.Confidence).OrderByDescending(c => c));
        Match(accounts.Reverse().ToArray()).Select(s => s.Command).ShouldBe(first.Select(s => s.Command));
    }
}
