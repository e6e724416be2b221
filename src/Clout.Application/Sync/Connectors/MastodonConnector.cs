using System.Text.Json;
using System.Text.RegularExpressions;
using Clout.Importers;
using Clout.Importers.Mastodon;

namespace Clout.Application.Sync.Connectors;

/// <summary>
/// Mastodon REST: an account's statuses (<c>@name</c>, <c>@name@server</c> or a numeric account id) or the
/// authenticated account's notifications (<c>notifications</c>, with <c>CLOUT_MASTODON_TOKEN</c>). Pages go forward
/// with <c>min_id</c>, so every stored page moves the cursor to the newest id it held.
/// </summary>
public sealed partial class MastodonConnector : ISyncConnector
{
    /// <summary>The environment variable with an access token (optional for public statuses).</summary>
    public const string TokenVariable = "CLOUT_MASTODON_TOKEN";

    private const int MaxLimit = 40;

    public string Name => "mastodon";

    public string Description => "an account (@name, @name@server or its numeric id) or 'notifications'; endpoint: the server, such as https://mastodon.social";

    public string DefaultEndpoint => "https://mastodon.social";

    public bool Streams => false;

    public string NormalizeFollow(string follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        if (follow is "notifications" || NumericId().IsMatch(follow))
        {
            return follow;
        }

        var acct = follow.TrimStart('@');
        return Acct().IsMatch(acct)
            ? "@" + acct
            : throw new ArgumentException($"mastodon: '{follow}' is not an account; expected @name, @name@server, a numeric account id or 'notifications'");
    }

    public async Task RunAsync(SyncRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var token = run.Secret(TokenVariable);
        var headers = SyncHttp.Bearer(token);
        var follow = run.Source.Follow;
        var cursor = run.Cursor;
        string path;
        var lookups = new List<FetchedResponse>();
        if (follow == "notifications")
        {
            if (token is null)
            {
                throw new SyncException($"source {run.Source.Id}: notifications need an access token in {TokenVariable}");
            }

            path = "/api/v1/notifications";
        }
        else
        {
            var id = cursor["account_id"] ?? (NumericId().IsMatch(follow) ? follow : null);
            if (id is null)
            {
                var lookup = await run.GetJsonAsync(Url(run, $"/api/v1/accounts/lookup?acct={Uri.EscapeDataString(follow.TrimStart('@'))}"), cancellationToken, headers).ConfigureAwait(false);
                using var doc = JsonDocument.Parse(lookup.Body);
                id = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.String
                    ? v.GetString()!
                    : throw new SyncException($"source {run.Source.Id}: GET {lookup.Uri} did not answer with an account (field 'id' is missing)");
                lookups.Add(lookup.ToFetched());
            }

            cursor = cursor.With("account_id", id);
            path = $"/api/v1/accounts/{id}/statuses";
        }

        var limit = Math.Min(run.Options.PageSize, MaxLimit);
        var minId = cursor["min_id"] ?? "0";
        for (var page = 0; page < run.Options.MaxPages; page++)
        {
            var response = await run.GetJsonAsync(Url(run, $"{path}?min_id={minId}&limit={limit}"), cancellationToken, headers).ConfigureAwait(false);
            var (count, newest) = Ids(response, run.Source.Id);
            run.Events += count;
            if (count == 0)
            {
                if (lookups.Count > 0 || cursor.ToJson() != run.Cursor.ToJson())
                {
                    await run.StoreAsync(MastodonApiImporter.ReadFetched(lookups, run.ImportOptions, cancellationToken), cursor, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            lookups.Add(response.ToFetched());
            cursor = cursor.With("min_id", newest);
            await run.StoreAsync(MastodonApiImporter.ReadFetched(lookups, run.ImportOptions, cancellationToken), cursor, cancellationToken).ConfigureAwait(false);
            lookups.Clear();
            minId = newest!;
            if (count < limit)
            {
                return;
            }
        }

        run.StoppedAtPageLimit(cursor);
    }

    private static Uri Url(SyncRun run, string pathAndQuery) => new(run.Source.Endpoint + pathAndQuery);

    /// <summary>How many entities a page holds and the newest id among them (Mastodon ids order by length, then text).</summary>
    private static (int Count, string? Newest) Ids(SyncResponse response, string source)
    {
        using var doc = JsonDocument.Parse(response.Body);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new SyncException($"source {source}: GET {response.Uri} answered {doc.RootElement.ValueKind}; expected a JSON array of statuses or notifications");
        }

        string? newest = null;
        var count = 0;
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            count++;
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { } id
                && (newest is null || Later(id, newest)))
            {
                newest = id;
            }
        }

        if (count > 0 && newest is null)
        {
            throw new SyncException($"source {source}: GET {response.Uri}: no entity has an 'id' string; expected Mastodon statuses or notifications");
        }

        return (count, newest);
    }

    internal static bool Later(string a, string b) =>
        a.Length != b.Length ? a.Length > b.Length : string.CompareOrdinal(a, b) > 0;

    [GeneratedRegex(@"^\d{1,20}$")]
    private static partial Regex NumericId();

    [GeneratedRegex(@"^[A-Za-z0-9_]{1,64}(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?$")]
    private static partial Regex Acct();
}
