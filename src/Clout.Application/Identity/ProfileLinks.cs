using System.Text.Json;
using System.Text.RegularExpressions;
using Clout.Core.Storage;

namespace Clout.Application.Identity;

/// <summary>
/// Finds what an account's profile points at: URLs and addresses in its bio, its URL, and every string of its raw
/// source fields (Mastodon profile fields and actor attachments, Twitter's expanded website links, YouTube and
/// Reddit profile data), HTML included.
/// </summary>
public static partial class ProfileLinks
{
    /// <summary>Raw source fields larger than this are not searched (a profile's fields are far smaller).</summary>
    private const int MaxRawLength = 256 * 1024;

    public static IReadOnlyList<ProfileReference> Extract(AccountInfo account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var found = new List<ProfileReference>();
        var seen = new HashSet<(ReferenceKind, string)>();
        FromText(account.Bio, "bio", verified: false, found, seen);
        FromText(account.Url, "url", verified: false, found, seen);
        if (account.Raw is { Length: > 0 and <= MaxRawLength } raw)
        {
            try
            {
                using var doc = JsonDocument.Parse(raw);
                Walk(doc.RootElement, "raw", verified: false, found, seen);
            }
            catch (JsonException)
            {
                // Raw fields are JSON from every importer; a store written by something else still has text to search.
                FromText(raw, "raw", verified: false, found, seen);
            }
        }

        return found;
    }

    /// <summary>Adds the references in one piece of text (plain or HTML).</summary>
    public static void FromText(string? text, string field, bool verified, List<ProfileReference> found, HashSet<(ReferenceKind, string)> seen)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(seen);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (Match m in UrlPattern().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"');
            if (url.Length > "https://".Length && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Contains('.', StringComparison.Ordinal))
            {
                Add(new ProfileReference(ReferenceKind.Url, field, url, verified), found, seen);
            }
        }

        foreach (Match m in MastodonPattern().Matches(text))
        {
            Add(new ProfileReference(ReferenceKind.MastodonAddress, field, $"{m.Groups[1].Value}@{m.Groups[2].Value}".ToLowerInvariant(), verified), found, seen);
        }

        foreach (Match m in BlueskyPattern().Matches(text))
        {
            Add(new ProfileReference(ReferenceKind.BlueskyHandle, field, m.Groups[1].Value.ToLowerInvariant(), verified), found, seen);
        }
    }

    private static void Walk(JsonElement e, string path, bool verified, List<ProfileReference> found, HashSet<(ReferenceKind, string)> seen)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                FromText(e.GetString(), path, verified, found, seen);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", verified, found, seen);
                }

                break;
            case JsonValueKind.Object:
                // Mastodon marks a profile field whose link links back (rel="me") with verified_at.
                var checkedLink = verified || (e.TryGetProperty("verified_at", out var at) && at.ValueKind == JsonValueKind.String);
                foreach (var property in e.EnumerateObject())
                {
                    Walk(property.Value, $"{path}.{property.Name}", checkedLink, found, seen);
                }

                break;
            default:
                break;
        }
    }

    private static void Add(ProfileReference reference, List<ProfileReference> found, HashSet<(ReferenceKind, string)> seen)
    {
        if (seen.Add((reference.Kind, reference.Value)))
        {
            found.Add(reference);
        }
        else if (reference.Verified)
        {
            // The same link seen again in a verified field: keep the stronger reading.
            var i = found.FindIndex(r => r.Kind == reference.Kind && r.Value == reference.Value);
            if (i >= 0 && !found[i].Verified)
            {
                found[i] = reference;
            }
        }
    }

    [GeneratedRegex(@"https?://[^\s""'<>\\\[\]{}|^`]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    // @name@instance.tld, not inside an e-mail address or a URL.
    [GeneratedRegex(@"(?<![\w@/.])@([A-Za-z0-9_]{1,64})@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)", RegexOptions.CultureInvariant)]
    private static partial Regex MastodonPattern();

    // @handle.domain (a Bluesky handle), not followed by a second @ (which makes it a Mastodon address).
    [GeneratedRegex(@"(?<![\w@/.])@((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})(?![\w@.-])", RegexOptions.CultureInvariant)]
    private static partial Regex BlueskyPattern();
}
