using Clout.Application.Identity;
using Clout.Application.Importing;
using Clout.Cli.Tests.Topics;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers;
using Clout.Tests;

namespace Clout.Cli.Tests.Identity;

/// <summary>Linking, unlinking and suggestions over a real SQLite store (issue 5, part 2).</summary>
public sealed class IdentityServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TempStore> StoreAsync()
    {
        var temp = await TempStore.CreateAsync();
        await temp.Store.ImportAsync(
            [
                new AccountRecord(Network.X, "1001") { Handle = "alice_archer", Name = "Alice Archer" },
                new AccountRecord(Network.Mastodon, "alice_archer@mastodon.social") { Handle = "alice_archer", Name = "Alice Archer" },
                new AccountRecord(Network.Bluesky, "did:plc:bob") { Handle = "bob.example.com" },
                new AccountRecord(Network.Blog, "https://bob.example.com/") { Handle = "bob.example.com", Name = "Bob's blog" },
                new AccountRecord(Network.Reddit, "carol_c") { Handle = "Carol_C" },
            ],
            cancellationToken: Ct);
        return temp;
    }

    [Fact]
    public async Task Linking_creates_a_new_person_and_unlinking_makes_the_account_its_own_person_again()
    {
        await using var temp = await StoreAsync();
        var service = new IdentityService(temp.Store);

        var first = await service.LinkAsync("alice", "x:1001", Ct);
        var second = await service.LinkAsync("alice", "mastodon:alice_archer@mastodon.social", Ct);

        first.ShouldBe(new LinkChange(new AccountKey(Network.X, "1001"), "x:1001", "alice"));
        second.Changed.ShouldBeTrue();
        (await temp.Store.GetPersonAsync("alice", Ct)).ShouldNotBeNull().Accounts.Count.ShouldBe(2);
        (await service.LinkAsync("alice", "twitter:1001", Ct)).Changed.ShouldBeFalse();

        var unlinked = await service.UnlinkAsync("x:1001", Ct);

        unlinked.ShouldBe(new LinkChange(new AccountKey(Network.X, "1001"), "alice", "x:1001"));
        (await temp.Store.GetPersonByAccountAsync(new AccountKey(Network.X, "1001"), Ct)).ShouldNotBeNull().Person.ShouldBe("x:1001");
        (await service.UnlinkAsync("x:1001", Ct)).Changed.ShouldBeFalse();
    }

    [Fact]
    public async Task A_person_can_be_named_by_one_of_their_accounts_or_a_handle()
    {
        await using var temp = await StoreAsync();
        var service = new IdentityService(temp.Store);

        (await service.LinkAsync("x:1001", "mastodon:alice_archer@mastodon.social", Ct)).To.ShouldBe("x:1001");
        (await service.LinkAsync("bluesky:did:plc:bob", "blog:https://bob.example.com/", Ct)).To.ShouldBe("bluesky:did:plc:bob");
        (await service.LinkAsync("@carol_c", "blog:https://bob.example.com/", Ct)).To.ShouldBe("reddit:carol_c");
    }

    [Fact]
    public async Task Unlinking_the_account_a_person_is_named_after_while_others_remain_says_what_to_do()
    {
        await using var temp = await StoreAsync();
        var service = new IdentityService(temp.Store);
        await service.LinkAsync("x:1001", "mastodon:alice_archer@mastodon.social", Ct);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => service.UnlinkAsync("x:1001", Ct));

        error.Message.ShouldContain("named after");
        error.Message.ShouldContain("mastodon:alice_archer@mastodon.social");
        (await service.UnlinkAsync("mastodon:alice_archer@mastodon.social", Ct)).To.ShouldBe("mastodon:alice_archer@mastodon.social");
    }

    [Theory]
    [InlineData("myspace:bob", "names the network 'myspace', which is not a network; expected one of generic, x, mastodon")]
    [InlineData("bob", "has no network; expected NETWORK:ACCOUNT")]
    [InlineData("x:", "has no account after the colon")]
    [InlineData("  ", "is empty; expected NETWORK:ACCOUNT")]
    public async Task A_malformed_account_is_an_argument_error_naming_the_input(string account, string message)
    {
        await using var temp = await StoreAsync();
        var service = new IdentityService(temp.Store);

        (await Should.ThrowAsync<ArgumentException>(() => service.LinkAsync("alice", account, Ct))).Message.ShouldContain(message);
        (await Should.ThrowAsync<ArgumentException>(() => service.UnlinkAsync(account, Ct))).Message.ShouldContain(message);
    }

    [Fact]
    public async Task An_unknown_account_or_person_is_not_found_and_nothing_changes()
    {
        await using var temp = await StoreAsync();
        var service = new IdentityService(temp.Store);

        (await Should.ThrowAsync<KeyNotFoundException>(() => service.LinkAsync("alice", "x:404", Ct))).Message.ShouldContain("no account x:404");
        (await Should.ThrowAsync<KeyNotFoundException>(() => service.UnlinkAsync("reddit:nobody", Ct))).Message.ShouldContain("no account reddit:nobody");
        (await Should.ThrowAsync<KeyNotFoundException>(() => service.LinkAsync("x:404", "x:1001", Ct))).Message.ShouldContain("PERSON 'x:404'");
        (await Should.ThrowAsync<ArgumentException>(() => service.LinkAsync("two words", "x:1001", Ct))).Message.ShouldContain("without spaces");
        (await temp.Store.GetPersonAsync("alice", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Suggestions_come_from_the_store_and_disappear_once_confirmed()
    {
        await using var temp = await StoreAsync();
        var service = new IdentityService(temp.Store);

        var suggestions = await service.SuggestAsync(new SuggestionMatcher(), Ct);

        suggestions.Select(s => s.Reason).ShouldBe(["the Bluesky handle is the other account's domain", "same handle on both networks"]);
        var handle = suggestions[1];
        await service.LinkAsync(handle.Person, handle.Account.ToString(), Ct);
        (await service.SuggestAsync(new SuggestionMatcher(), Ct)).ShouldHaveSingleItem().Reason.ShouldContain("Bluesky");
    }

    [Fact]
    public async Task A_real_mastodon_export_links_its_website_field_to_the_blog()
    {
        var export = SharedData.Require("fixtures/mastodon-archive/dealingwith");
        await using var temp = await TempStore.CreateAsync();
        await ImportService.ImportAsync(temp.Store, export, "mastodon-archive", new ImportOptions(), skipInvalid: false, progress: null, Ct);
        await temp.Store.ImportAsync([new AccountRecord(Network.Blog, "https://daniel.industries/") { Handle = "daniel.industries" }], cancellationToken: Ct);

        var suggestion = (await new IdentityService(temp.Store).SuggestAsync(new SuggestionMatcher(), Ct))
            .Single(s => s.Account.Network == Network.Blog || s.Other.Network == Network.Blog);

        var evidence = suggestion.Evidence.ShouldHaveSingleItem();
        evidence.Kind.ShouldBe("profile-link");
        evidence.Account.ShouldBe(new AccountKey(Network.Mastodon, "dealingwith@indieweb.social"));
        evidence.Field.ShouldStartWith("raw.attachment[0]");
        evidence.Value.ShouldBe("https://daniel.industries");
    }
}
