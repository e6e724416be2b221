using System.Diagnostics.CodeAnalysis;

namespace Clout.Core.Domain;

/// <summary>The lower-case names networks have in files, URLs and the CLI.</summary>
public static class NetworkNames
{
    private static readonly (Network Network, string Name)[] Names =
    [
        (Network.Generic, "generic"),
        (Network.X, "x"),
        (Network.Mastodon, "mastodon"),
        (Network.Bluesky, "bluesky"),
        (Network.Reddit, "reddit"),
        (Network.YouTube, "youtube"),
        (Network.Blog, "blog"),
        (Network.Facebook, "facebook"),
        (Network.Instagram, "instagram"),
        (Network.LinkedIn, "linkedin"),
    ];

    public static IReadOnlyList<Network> All { get; } = Names.Select(n => n.Network).ToArray();

    public static string Expected { get; } = string.Join(", ", Names.Select(n => n.Name));

    public static string Name(this Network network) =>
        (int)network >= 0 && (int)network < Names.Length ? Names[(int)network].Name : network.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, [NotNullWhen(true)] out Network network)
    {
        if (text is not null)
        {
            var t = text.Trim();
            // "twitter" and "tw" are the names Klout used; accept them as aliases of x.
            if (t.Equals("twitter", StringComparison.OrdinalIgnoreCase) || t.Equals("tw", StringComparison.OrdinalIgnoreCase))
            {
                network = Network.X;
                return true;
            }

            foreach (var (n, name) in Names)
            {
                if (name.Equals(t, StringComparison.OrdinalIgnoreCase))
                {
                    network = n;
                    return true;
                }
            }
        }

        network = default;
        return false;
    }
}
