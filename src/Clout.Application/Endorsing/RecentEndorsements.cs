using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Application.Endorsing;

/// <summary>Collects the endorsements of a short window by person (accounts resolved to their people), skipping posts.</summary>
internal sealed class RecentEndorsements : ITopicSink
{
    private readonly Dictionary<long, string> people = [];

    public List<(string By, string Person, string Topic, int Day)> Items { get; } = [];

    public bool WantsPosts => false;

    public void Account(long account, Network network, string sourceId, string person, string? bio) => people[account] = person;

    public void Post(long author, string sourceId, PostKind kind, int day, string? text, ReadOnlySpan<int> reactions)
    {
    }

    public void Attribution(long actor, long target, ActionKind kind, string label, int day)
    {
        if (kind == ActionKind.Endorse && people.TryGetValue(actor, out var by) && people.TryGetValue(target, out var person))
        {
            Items.Add((by, person, label.Trim(), day));
        }
    }
}
