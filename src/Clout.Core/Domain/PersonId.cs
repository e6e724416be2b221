namespace Clout.Core.Domain;

/// <summary>A person (profile) id. An account with no person is its own person, keyed "network:id".</summary>
public readonly record struct PersonId(string Value)
{
    public static PersonId Of(AccountKey account) => new(account.ToString());

    public override string ToString() => Value;
}
