using System.Globalization;
using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Storage.Tests.Contract;

/// <summary>
/// Records a window and renders it in a store-neutral form: store ids replaced by account keys, rows sorted. Two
/// stores given the same records must render identical windows, so the engine gets identical input from both.
/// </summary>
public sealed class RecordingSink : IWindowSink
{
    private readonly Dictionary<long, string> _keys = [];
    private readonly List<Func<string>> _rows = [];

    public List<WindowAccount> Accounts { get; } = [];

    public bool AccountAfterOtherRows { get; private set; }

    public void Account(in WindowAccount account)
    {
        if (_rows.Count > 0)
        {
            AccountAfterOtherRows = true;
        }

        Accounts.Add(account);
        _keys.Add(account.StoreId, new AccountKey(account.Network, account.SourceId).ToString());
    }

    public void Rollup(long actor, long target, ActionKind kind, int day, int count) =>
        _rows.Add(() => $"rollup {Key(actor)} -> {Key(target)} {kind.Name()} {Day(day)} x{count}");

    /// <summary>Days of single actions asked of the store (0: roll-ups only, as a version without late reach).</summary>
    public int ActionDays { get; init; }

    public void Action(long actor, long target, ActionKind kind, long time) =>
        _rows.Add(() => $"action {Key(actor)} -> {Key(target)} {kind.Name()} {DateTimeOffset.FromUnixTimeSeconds(time):yyyy-MM-ddTHH:mm:ss}");

    public void Posts(long account, PostKind kind, int day, int count) =>
        _rows.Add(() => $"posts {Key(account)} {kind.Name()} {Day(day)} x{count}");

    public void Metrics(long account, int day, int days, long followers, long following, long lists, long posts, ReadOnlySpan<long> received, ReadOnlySpan<long> sent)
    {
        var r = string.Join(',', received.ToArray());
        var s = string.Join(',', sent.ToArray());
        _rows.Add(() => $"metrics {Key(account)} {Day(day)} days={days} followers={followers} following={following} lists={lists} posts={posts} received=[{r}] sent=[{s}]");
    }

    /// <summary>The window as sorted lines, accounts first.</summary>
    public IReadOnlyList<string> Lines()
    {
        var accounts = Accounts
            .Select(a => $"account {new AccountKey(a.Network, a.SourceId)} person={a.Person} handle={a.Handle ?? "-"} created={(a.CreatedDay is { } d ? Day(d) : "-")}")
            .Order(StringComparer.Ordinal);
        return [.. accounts, .. _rows.Select(r => r()).Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Rows(string prefix) => Lines().Where(l => l.StartsWith(prefix + " ", StringComparison.Ordinal)).ToList();

    private static string Day(int day) => DayNumber.ToDate(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Key(long id) => _keys.TryGetValue(id, out var key) ? key : $"<unknown store id {id}>";
}
