using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Twitter;

/// <summary>
/// What a Twitter read has learnt so far and the records it has still to hand out: who wrote which tweet, which
/// id a screen name has, which records were already emitted (sources repeat users and tweets), and the counters.
/// </summary>
internal sealed class TwitterRecordContext
{
    private readonly HashSet<string> richAccounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> seenAccounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> seenPosts = new(StringComparer.Ordinal);
    private readonly HashSet<string> seenActions = new(StringComparer.Ordinal);

    public List<ImportRecord> Pending { get; } = [];

    public AccountCounterTally Tally { get; } = new();

    /// <summary>Tweet id to its author's id, from every tweet, reply and quote seen.</summary>
    public Dictionary<string, string> TweetAuthors { get; } = new(StringComparer.Ordinal);

    /// <summary>Lower-case screen name to account id.</summary>
    public Dictionary<string, string> IdsByName { get; } = new(StringComparer.Ordinal);

    /// <summary>Account id to screen name, for post links.</summary>
    public Dictionary<string, string> NamesById { get; } = new(StringComparer.Ordinal);

    public void Learn(string? screenName, string? id)
    {
        if (!string.IsNullOrEmpty(screenName) && !string.IsNullOrEmpty(id))
        {
            IdsByName[screenName.ToLowerInvariant()] = id;
            NamesById[id] = screenName;
        }
    }

    public string? IdOf(string? screenName) =>
        screenName is not null && IdsByName.TryGetValue(screenName.ToLowerInvariant(), out var id) ? id : null;

    /// <summary>Emits an account once; again only when a fuller description (a profile) follows a bare mention.</summary>
    public void Account(AccountRecord account)
    {
        var rich = account.Created is not null || account.Bio is not null;
        if (richAccounts.Contains(account.Id) || (!rich && !seenAccounts.Add(account.Id)))
        {
            return;
        }

        seenAccounts.Add(account.Id);
        if (rich)
        {
            richAccounts.Add(account.Id);
        }

        Pending.Add(account);
    }

    public bool Post(PostRecord post)
    {
        if (!seenPosts.Add(post.Id))
        {
            return false;
        }

        Pending.Add(post);
        return true;
    }

    /// <summary>Emits an action unless it is a repeat or an account acting on itself (a thread, not influence).</summary>
    public void Action(ActionRecord action)
    {
        if (action.Actor != action.Target && seenActions.Add(action.Id))
        {
            Pending.Add(action);
        }
    }

    public IEnumerable<ImportItem> Drain()
    {
        if (Pending.Count == 0)
        {
            return [];
        }

        var items = new ImportItem[Pending.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ImportItem.Ok(Pending[i]);
        }

        Pending.Clear();
        return items;
    }

    public static AccountRecord Bare(string id, string? screenName, string? name) =>
        new(Network.X, id) { Handle = screenName, Name = name, Url = screenName is null ? null : $"https://twitter.com/{screenName}" };
}
