using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;

namespace Clout.Engine.Tests.Topics.Assignment;

/// <summary>Reads SNAP ego-Twitter's per-node hashtag features: for every node (across egos), the hashtags it used.</summary>
internal static class EgoTwitterHashtags
{
    public static SortedDictionary<long, SortedSet<string>> Read(string tarGz, int maxEgos)
    {
        var names = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var feats = new Dictionary<string, string>(StringComparer.Ordinal);
        var egoFeats = new Dictionary<string, string>(StringComparer.Ordinal);
        var egos = new List<string>();
        using (var file = File.OpenRead(tarGz))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null)
                {
                    continue;
                }

                var name = Path.GetFileName(entry.Name);
                var ego = Path.GetFileNameWithoutExtension(name);
                var ext = Path.GetExtension(name);
                if (ext is not (".featnames" or ".feat" or ".egofeat"))
                {
                    continue;
                }

                if (!egos.Contains(ego))
                {
                    if (egos.Count >= maxEgos)
                    {
                        continue;
                    }

                    egos.Add(ego);
                }

                using var reader = new StreamReader(entry.DataStream);
                var text = reader.ReadToEnd();
                switch (ext)
                {
                    case ".featnames":
                        names[ego] = [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim())];
                        break;
                    case ".feat":
                        feats[ego] = text;
                        break;
                    default:
                        egoFeats[ego] = text;
                        break;
                }
            }
        }

        var result = new SortedDictionary<long, SortedSet<string>>();
        foreach (var ego in egos)
        {
            if (!names.TryGetValue(ego, out var featureNames))
            {
                continue;
            }

            void Add(long node, string[] bits, int offset)
            {
                for (var i = offset; i < bits.Length && i - offset < featureNames.Length; i++)
                {
                    var feature = featureNames[i - offset];
                    if (bits[i] == "1" && feature.StartsWith('#') && feature.Length > 1)
                    {
                        if (!result.TryGetValue(node, out var set))
                        {
                            result[node] = set = new SortedSet<string>(StringComparer.Ordinal);
                        }

                        set.Add(feature.ToLowerInvariant());
                    }
                }
            }

            if (feats.TryGetValue(ego, out var lines))
            {
                foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var bits = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    Add(long.Parse(bits[0], CultureInfo.InvariantCulture), bits, 1);
                }
            }

            if (egoFeats.TryGetValue(ego, out var egoLine))
            {
                Add(long.Parse(ego, CultureInfo.InvariantCulture), egoLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), 0);
            }
        }

        return result;
    }
}
