using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Api_keys_are_stored_by_hash_listed_and_revoked()
    {
        await using var store = await NewStoreAsync();
        var created = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        var key = new ApiKey("k1", "partner", new string('a', 64), created) { PerSecond = 5 };
        await store.CreateApiKeyAsync(key);
        await store.CreateApiKeyAsync(new ApiKey("k2", "other", new string('b', 64), created.AddMinutes(1)));

        (await store.FindApiKeyAsync(new string('a', 64))).ShouldBe(key);
        (await store.FindApiKeyAsync(new string('c', 64))).ShouldBeNull();
        (await store.ListApiKeysAsync()).Select(k => k.Id).ShouldBe(["k1", "k2"]);
        await Should.ThrowAsync<InvalidOperationException>(() => store.CreateApiKeyAsync(key with { Hash = new string('d', 64) }));

        (await store.RevokeApiKeyAsync("k1", created.AddDays(1))).ShouldBeTrue();
        (await store.RevokeApiKeyAsync("k1", created.AddDays(2))).ShouldBeTrue();
        (await store.RevokeApiKeyAsync("nope", created)).ShouldBeFalse();
        (await store.FindApiKeyAsync(new string('a', 64)))!.Revoked.ShouldBe(created.AddDays(1));
    }

    [Fact]
    public async Task People_are_found_by_their_Klout_id()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(ContractData.Records());

        (await store.FindPersonByKloutIdAsync(KloutId.Of("x:alice"))).ShouldBe("x:alice");
        (await store.FindPersonByKloutIdAsync(KloutId.Of("nobody-here"))).ShouldBeNull();
    }
}
