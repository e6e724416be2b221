using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Storage.Tests.Contract;

/// <summary>
/// Records a topic window in a store-neutral form: store ids replaced by account keys, posts and attributions as
/// sorted lines, reactions by kind name. Notes when an account arrives after a post or an attribution.
/// </summary>
public sealed class TopicRecordingSink(bool wantsPosts = true) : ITopicSink
{
    private readonly Dictionary<long, string> _keys = [];
    private readonly List<Func<string>> _rows = [];

    public bool WantsPosts { get; } = wantsPosts;

    public List<string> Accounts { get; } = [];

    public bool AccountAfterOtherRows { get; private set; }

    public void Account(long account, Network network, string sourceId, string person, string? bio)
    {
        if (_rows.Count > 0)
        {
            AccountAfterOtherRows = true;
        }

        var key = new AccountKey(network, sourceId).ToString();
        _keys.Add(account, key);
        Accounts.Add($"account {key} person={person} bio={bio ?? "-"}");
    }

    public void Post(long author, string sourceId, PostKind kind, int day, string? text, ReadOnlySpan<int> reactions)
    {
        var parts = new List<string>();
        for (var k = 0; k < reactions.Length; k++)
        {
            if (reactions[k] != 0)
            {
                parts.Add($"{((ActionKind)k).Name()}={reactions[k]}");
            }
        }

        var shown = parts.Count == 0 ? "none" : string.Join(',', parts);
        _rows.Add(() => $"post {Key(author)} {sourceId} {kind.Name()} {Day(day)} text={text ?? "-"} reactions={shown}");
    }

    public void Attribution(long actor, long target, ActionKind kind, string label, int day) =>
        _rows.Add(() => $"{kind.Name()} {Key(actor)} -> {Key(target)} '{label}' {Day(day)}");

    public IReadOnlyList<string> SortedAccounts() => Accounts.Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Rows(string prefix) =>
        _rows.Select(r => r()).Where(l => l.StartsWith(prefix + " ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    private static string Day(int day) => DayNumber.ToDate(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Key(long id) => _keys.TryGetValue(id, out var key) ? key : $"<unknown store id {id}>";
}
