namespace Clout.Generator;

/// <summary>What to generate: how many people, the seed, how many days of activity ending on which day.</summary>
public sealed record GeneratorOptions
{
    public int People { get; init; } = 10_000;

    public ulong Seed { get; init; } = 1;

    public int Days { get; init; } = 90;

    /// <summary>The last simulated day. Fixed by default so that a seed always gives the same file.</summary>
    public DateOnly End { get; init; } = new(2026, 11, 1);

    /// <summary>Share of people who buy engagement from fresh bot accounts.</summary>
    public double BuyerShare { get; init; } = 0.02;

    /// <summary>Share of people who buy followers.</summary>
    public double FakeFollowerShare { get; init; } = 0.01;

    /// <summary>Share of people in engagement pods.</summary>
    public double PodShare { get; init; } = 0.01;

    /// <summary>Share of accounts that are spam bots acting on everything.</summary>
    public double SpammerShare { get; init; } = 0.005;

    public void Validate()
    {
        if (People is < 1 or > 100_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(People), People, "people must be between 1 and 100,000,000");
        }

        if (Days is < 1 or > 3650)
        {
            throw new ArgumentOutOfRangeException(nameof(Days), Days, "days must be between 1 and 3650");
        }
    }
}
