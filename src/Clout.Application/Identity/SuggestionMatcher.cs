using Clout.Core.Domain;
using Clout.Core.Storage;

namespace Clout.Application.Identity;

/// <summary>
/// Finds accounts of different people that are probably one person: the same handle on different networks, a
/// profile that links to another known account (its profile URL, a /@name or /user/name URL, a Mastodon address,
/// a Bluesky handle, a blog's site) and Bluesky handles that are the domain of a known blog. Pure: it sees only the
/// accounts it is given, and is deterministic for the same accounts.
/// </summary>
public sealed class SuggestionMatcher
{
    /// <summary>Handles held by more accounts than this are too common to say anything about one person.</summary>
    public int MaxHandleGroup { get; init; } = 6;

    /// <summary>Handles shorter than this are not matched across networks.</summary>
    public int MinHandleLength { get; init; } = 3;

    public double MinConfidence { get; init; } = 0.5;

    private static readonly HashSet<string> XReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "home", "intent", "share", "search", "hashtag", "explore", "settings", "messages", "notifications", "login", "signup", "tos", "privacy", "compose",
    };

    private static readonly HashSet<string> WebReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "reel", "reels", "explore", "watch", "share", "sharer", "sharer.php", "events", "groups", "pages", "stories", "about", "help", "legal", "login",
    };

    public IReadOnlyList<IdentitySuggestion> Match(IReadOnlyList<AccountInfo> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var index = new Index(accounts);
        var pairs = new Dictionary<(int, int), List<SuggestionEvidence>>();

        SameHandles(accounts, pairs);
        ProfileLinksOf(accounts, index, pairs);
        HandleDomains(accounts, index, pairs);

        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in accounts)
        {
            sizes[a.Person] = sizes.GetValueOrDefault(a.Person) + 1;
        }

        var suggestions = new List<IdentitySuggestion>();
        foreach (var ((i, j), evidence) in pairs)
        {
            var a = accounts[i];
            var b = accounts[j];
            if (string.Equals(a.Person, b.Person, StringComparison.Ordinal))
            {
                continue; // already one person
            }

            var distinct = evidence.DistinctBy(e => (e.Kind, e.Account, e.Value)).OrderByDescending(e => e.Confidence).ThenBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Account?.ToString(), StringComparer.Ordinal).ToList();
            var doubt = 1.0;
            foreach (var e in distinct)
            {
                doubt *= 1 - e.Confidence;
            }

            var confidence = Math.Round(1 - doubt, 3);
            if (confidence < MinConfidence)
            {
                continue;
            }

            // Move the account whose person has fewer accounts; between equals, keep a named person over an account's
            // own; then move the later key, so the suggestion does not depend on the order the store lists accounts in.
            var moveA = sizes[a.Person] != sizes[b.Person] ? sizes[a.Person] < sizes[b.Person]
                : IsOwnPerson(a) != IsOwnPerson(b) ? IsOwnPerson(a)
                : string.CompareOrdinal(a.Key.ToString(), b.Key.ToString()) > 0;
            var (move, keep) = moveA ? (a, b) : (b, a);
            suggestions.Add(new IdentitySuggestion(keep.Person, move.Key, keep.Key, confidence, Reason(distinct), distinct) { AccountPerson = move.Person });
        }

        return suggestions
            .OrderByDescending(s => s.Confidence)
            .ThenBy(s => s.Person, StringComparer.Ordinal)
            .ThenBy(s => s.Account.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The handle an account goes by, without its network's decoration, for matching across networks.</summary>
    public static string? NormalHandle(AccountInfo account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var handle = account.Network switch
        {
            Network.Blog => null, // a blog's handle is its host
            Network.Mastodon => account.Handle ?? account.Id.Split('@')[0],
            Network.Bluesky => BlueskyHandle(account) is { } h && h.EndsWith(".bsky.social", StringComparison.OrdinalIgnoreCase) ? h[..^".bsky.social".Length] : null,
            _ => account.Handle,
        };
        handle = handle?.Trim().TrimStart('@').ToLowerInvariant();
        return string.IsNullOrEmpty(handle) ? null : handle;
    }

    private static string? BlueskyHandle(AccountInfo a) =>
        a.Handle is { Length: > 0 } h ? h.TrimStart('@') : a.Id.StartsWith("did:", StringComparison.Ordinal) ? null : a.Id;

    private static bool IsOwnPerson(AccountInfo a) => string.Equals(a.Person, a.Key.ToString(), StringComparison.Ordinal);

    private void SameHandles(IReadOnlyList<AccountInfo> accounts, Dictionary<(int, int), List<SuggestionEvidence>> pairs)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < accounts.Count; i++)
        {
            if (NormalHandle(accounts[i]) is { } h && h.Length >= MinHandleLength)
            {
                if (!groups.TryGetValue(h, out var list))
                {
                    groups[h] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (var (handle, members) in groups)
        {
            if (members.Count < 2 || members.Count > MaxHandleGroup)
            {
                continue;
            }

            // Per group, not per pair: how many members share each one's network, and each member's folded name.
            var shared = new bool[members.Count];
            var names = new string?[members.Count];
            for (var x = 0; x < members.Count; x++)
            {
                var network = accounts[members[x]].Network;
                shared[x] = members.Count(m => accounts[m].Network == network) > 1;
                names[x] = FoldName(accounts[members[x]].Name);
            }

            for (var x = 0; x < members.Count; x++)
            {
                for (var y = x + 1; y < members.Count; y++)
                {
                    var a = accounts[members[x]];
                    var b = accounts[members[y]];
                    if (a.Network == b.Network)
                    {
                        continue; // two accounts on one network are more likely two people
                    }

                    // Longer handles collide less; a shared display name agrees; several holders on one network disagree.
                    var confidence = 0.55 + (handle.Length >= 8 ? 0.1 : handle.Length <= 4 ? -0.1 : 0);
                    var sameName = names[x] is not null && names[x] == names[y];
                    if (sameName)
                    {
                        confidence += 0.2;
                    }

                    if (shared[x] || shared[y])
                    {
                        confidence -= 0.15;
                    }

                    var description = $"the handle '{handle}' is used on {a.Network.Name()} ({a.Key}) and {b.Network.Name()} ({b.Key})"
                        + (sameName ? $", both named '{a.Name}'" : string.Empty);
                    Add(pairs, members[x], members[y], new SuggestionEvidence("same-handle", description, Math.Round(Math.Clamp(confidence, 0.05, 0.9), 3)) { Field = "handle", Value = handle });
                }
            }
        }
    }

    private static void ProfileLinksOf(IReadOnlyList<AccountInfo> accounts, Index index, Dictionary<(int, int), List<SuggestionEvidence>> pairs)
    {
        for (var i = 0; i < accounts.Count; i++)
        {
            var a = accounts[i];
            foreach (var reference in ProfileLinks.Extract(a))
            {
                foreach (var (target, site) in index.Resolve(reference))
                {
                    if (target == i)
                    {
                        continue;
                    }

                    var b = accounts[target];

                    // A website field names the owner's own pages; profile fields list them; a bio also mentions others.
                    var strength = reference.Field switch { "url" => 0.85, "bio" => 0.65, _ => 0.8 };
                    var (kind, confidence, what) = site
                        ? ("site-link", strength - (IsRoot(reference.Value) ? 0.05 : 0.25), $"links to {b.Key}'s site")
                        : ("profile-link", strength, $"links to {b.Key}");
                    if (reference.Verified)
                    {
                        confidence = 0.95;
                        what += " (verified by the instance: the page links back)";
                    }

                    Add(pairs, i, target, new SuggestionEvidence(kind, $"the profile of {a.Key} {what}: {reference.Value}", confidence)
                    {
                        Account = a.Key,
                        Field = reference.Field,
                        Value = reference.Value,
                    });
                }
            }
        }
    }

    private static void HandleDomains(IReadOnlyList<AccountInfo> accounts, Index index, Dictionary<(int, int), List<SuggestionEvidence>> pairs)
    {
        for (var i = 0; i < accounts.Count; i++)
        {
            var a = accounts[i];
            if (a.Network != Network.Bluesky || BlueskyHandle(a) is not { } handle || handle.EndsWith(".bsky.social", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var target in index.Sites(handle))
            {
                if (target != i && accounts[target].Network != Network.Bluesky)
                {
                    // Bluesky only grants a domain handle to whoever controls the domain.
                    Add(pairs, i, target, new SuggestionEvidence("handle-domain", $"the Bluesky handle of {a.Key} is the domain {handle.ToLowerInvariant()}, the site of {accounts[target].Key}", 0.9)
                    {
                        Account = a.Key,
                        Field = "handle",
                        Value = handle.ToLowerInvariant(),
                    });
                }
            }
        }
    }

    private static string Reason(IReadOnlyList<SuggestionEvidence> evidence)
    {
        var kinds = evidence.Select(e => e.Kind).Distinct().ToList();
        var links = evidence.Where(e => e.Kind is "profile-link" or "site-link").Select(e => e.Account).Distinct().Count();
        var parts = new List<string>();
        if (links >= 2)
        {
            parts.Add("the profiles link to each other");
        }
        else if (kinds.Contains("profile-link"))
        {
            parts.Add("a profile links to the other account");
        }
        else if (kinds.Contains("site-link"))
        {
            parts.Add("a profile links to the other account's site");
        }

        if (kinds.Contains("handle-domain"))
        {
            parts.Add("the Bluesky handle is the other account's domain");
        }

        if (kinds.Contains("same-handle"))
        {
            parts.Add("same handle on both networks");
        }

        return string.Join("; ", parts);
    }

    /// <summary>A display name as compared across networks: letters and digits, lower-case; null when too short to say anything.</summary>
    private static string? FoldName(string? name) =>
        name is null ? null : new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray()) is { Length: >= 3 } folded ? folded : null;

    private static bool IsRoot(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.AbsolutePath is "/" or "";

    private static void Add(Dictionary<(int, int), List<SuggestionEvidence>> pairs, int i, int j, SuggestionEvidence evidence)
    {
        var key = i < j ? (i, j) : (j, i);
        if (!pairs.TryGetValue(key, out var list))
        {
            pairs[key] = list = [];
        }

        list.Add(evidence);
    }

    /// <summary>Accounts by the names a reference can use: network and id or handle, profile URL, and site host.</summary>
    private sealed class Index
    {
        /// <summary>More accounts than this under one name, URL or site make it ambiguous.</summary>
        private const int MaxSharers = 3;

        private readonly Dictionary<(Network, string), List<int>> byName = [];
        private readonly Dictionary<string, List<int>> byUrl = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> bySite = new(StringComparer.Ordinal);

        public Index(IReadOnlyList<AccountInfo> accounts)
        {
            for (var i = 0; i < accounts.Count; i++)
            {
                var a = accounts[i];
                Put(byName, (a.Network, a.Id.ToLowerInvariant()), i);
                if (a.Handle is { Length: > 0 } h)
                {
                    Put(byName, (a.Network, h.TrimStart('@').ToLowerInvariant()), i);
                }

                if (a.Url is { } url && NormalUrl(url) is { } u)
                {
                    Put(byUrl, u, i);
                }

                if (a.Network == Network.Blog)
                {
                    if (NormalUrl(a.Id) is { } id)
                    {
                        Put(byUrl, id, i);
                    }

                    if ((Host(a.Id) ?? Host(a.Url)) is { } host)
                    {
                        Put(bySite, host, i);
                    }
                }
                else if (a.Network == Network.Bluesky && BlueskyHandle(a) is { } bh && !bh.EndsWith(".bsky.social", StringComparison.OrdinalIgnoreCase))
                {
                    Put(bySite, bh.ToLowerInvariant(), i);
                }
            }
        }

        public IEnumerable<int> Sites(string domain) => bySite.TryGetValue(domain.ToLowerInvariant(), out var list) && list.Count <= MaxSharers ? list : [];

        /// <summary>The accounts a reference points at, each with whether it points at the account's site rather than its profile.</summary>
        public IEnumerable<(int Account, bool Site)> Resolve(ProfileReference reference) => Candidates(reference).DistinctBy(c => c.Account);

        /// <summary>The accounts a reference points at, most direct reading first; an account can come more than once.</summary>
        private IEnumerable<(int Account, bool Site)> Candidates(ProfileReference reference)
        {
            switch (reference.Kind)
            {
                case ReferenceKind.MastodonAddress:
                    return Named(Network.Mastodon, reference.Value).Select(i => (i, false));
                case ReferenceKind.BlueskyHandle:
                    return Named(Network.Bluesky, reference.Value).Select(i => (i, false));
                default:
                    if (!Uri.TryCreate(reference.Value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
                    {
                        return [];
                    }

                    // A URL many accounts give as theirs names none of them.
                    var normal = NormalUrl(reference.Value);
                    var exact = normal is not null && byUrl.TryGetValue(normal, out var list) && list.Count <= MaxSharers ? list : [];
                    return exact.Select(i => (i, false))
                        .Concat(Profiles(uri).SelectMany(p => Named(p.Item1, p.Item2)).Select(i => (i, false)))
                        .Concat(Sites(Bare(uri.Host)).Select(i => (i, true)));
            }
        }

        private IEnumerable<int> Named(Network network, string name) =>
            byName.TryGetValue((network, name.ToLowerInvariant()), out var list) && list.Count <= MaxSharers ? list : [];

        private static string? QueryValue(Uri uri, string name)
        {
            foreach (var part in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && part[..eq].Equals(name, StringComparison.OrdinalIgnoreCase) && eq < part.Length - 1)
                {
                    return Uri.UnescapeDataString(part[(eq + 1)..]);
                }
            }

            return null;
        }

        /// <summary>The accounts a URL's host and path name on the networks Clout knows.</summary>
        private static IEnumerable<(Network, string)> Profiles(Uri uri)
        {
            var host = Bare(uri.Host);
            var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
            if (segments.Length == 0)
            {
                yield break;
            }

            var first = segments[0];
            var second = segments.Length > 1 ? segments[1] : null;
            switch (host)
            {
                case "twitter.com" or "x.com" or "mobile.twitter.com" or "mobile.x.com":
                    if (!XReserved.Contains(first))
                    {
                        yield return (Network.X, first.TrimStart('@'));
                    }
                    else if (first == "intent" && second is "user" or "follow" && QueryValue(uri, "user_id") is { } userId)
                    {
                        yield return (Network.X, userId);
                    }
                    else if (first == "intent" && second is "user" or "follow" && QueryValue(uri, "screen_name") is { } screenName)
                    {
                        yield return (Network.X, screenName);
                    }

                    yield break;
                case "youtube.com" or "m.youtube.com":
                    if (first.StartsWith('@'))
                    {
                        yield return (Network.YouTube, first[1..]);
                    }
                    else if (first is "channel" or "c" or "user" && second is not null)
                    {
                        yield return (Network.YouTube, second);
                    }

                    yield break;
                case "bsky.app" or "staging.bsky.app":
                    if (first == "profile" && second is not null)
                    {
                        yield return (Network.Bluesky, second);
                    }

                    yield break;
                case "reddit.com" or "old.reddit.com" or "new.reddit.com" or "np.reddit.com":
                    if (first is "user" or "u" && second is not null)
                    {
                        yield return (Network.Reddit, second);
                    }

                    yield break;
                case "instagram.com":
                    if (!WebReserved.Contains(first))
                    {
                        yield return (Network.Instagram, first.TrimStart('@'));
                    }

                    yield break;
                case "facebook.com" or "m.facebook.com" or "fb.com":
                    if (!WebReserved.Contains(first))
                    {
                        yield return (Network.Facebook, first);
                    }

                    yield break;
                case "linkedin.com":
                    if (first is "in" or "company" && second is not null)
                    {
                        yield return (Network.LinkedIn, second);
                    }

                    yield break;
                default:
                    // Mastodon and other fediverse servers: https://instance/@name and https://instance/users/name.
                    if (first.StartsWith('@') && first.Length > 1 && !first[1..].Contains('@', StringComparison.Ordinal))
                    {
                        yield return (Network.Mastodon, $"{first[1..]}@{host}");
                    }
                    else if (first.StartsWith('@') && first.Length > 1)
                    {
                        yield return (Network.Mastodon, first[1..]); // https://instance/@name@other.instance
                    }
                    else if (first == "users" && second is not null)
                    {
                        yield return (Network.Mastodon, $"{second}@{host}");
                    }

                    yield break;
            }
        }

        private static string? Host(string? url) =>
            url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0 ? Bare(u.Host) : null;

        private static string Bare(string host)
        {
            var h = host.ToLowerInvariant().TrimEnd('.');
            return h.StartsWith("www.", StringComparison.Ordinal) ? h[4..] : h;
        }

        /// <summary>A URL in one spelling: https, no www., no query or fragment, no trailing slash, lower-case host.</summary>
        private static string? NormalUrl(string url)
        {
            if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https") || u.Host.Length == 0)
            {
                return null;
            }

            // The query stays: some profile URLs name the account only there (twitter.com/intent/user?user_id=…).
            return $"https://{Bare(u.Host)}{u.AbsolutePath.TrimEnd('/').ToLowerInvariant()}{u.Query}";
        }

        private static void Put<TKey>(Dictionary<TKey, List<int>> map, TKey key, int value)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            if (list.Count == 0 || list[^1] != value)
            {
                list.Add(value);
            }
        }
    }
}
