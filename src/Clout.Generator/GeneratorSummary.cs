namespace Clout.Generator;

/// <summary>What a generation produced, filled in as records are enumerated.</summary>
public sealed class GeneratorSummary
{
    public long People { get; internal set; }

    public long Accounts { get; internal set; }

    public long Posts { get; internal set; }

    public long Actions { get; internal set; }

    public long Metrics { get; internal set; }

    public long Buyers { get; internal set; }

    public long BoughtActions { get; internal set; }

    public long FakeFollows { get; internal set; }

    public long PodMembers { get; internal set; }

    public long Bots { get; internal set; }

    public long Spammers { get; internal set; }

    public long Records => Accounts + Posts + Actions + Metrics;
}
