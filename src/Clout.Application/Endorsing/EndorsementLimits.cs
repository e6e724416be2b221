namespace Clout.Application.Endorsing;

/// <summary>Limits that keep endorsements (+K) meaningful: a budget per endorser per day, and no repeats within a period.</summary>
public sealed record EndorsementLimits
{
    public static EndorsementLimits Default { get; } = new();

    /// <summary>Endorsements one person may give per (UTC) day.</summary>
    public int PerDay { get; init; } = 10;

    /// <summary>A person may endorse the same person for the same topic once in this many days.</summary>
    public int RepeatDays { get; init; } = 7;
}
