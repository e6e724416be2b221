using System.Buffers.Text;
using System.Globalization;
using Clout.Engine.Graph.EdgeLists;

namespace Clout.Benchmarks;

/// <summary>
/// Writes a power-law weighted graph in both edge-list forms, so Clout and the peers read the same edges:
/// sources and targets are drawn with probability falling as a power of a node's popularity rank, popularity
/// ranks are shuffled over ids (hubs are not the low ids), and weights have three decimals so the text and
/// binary forms hold the same float32 values.
/// </summary>
public static class GraphGenerator
{
    public static int Run(string[] args)
    {
        long nodes = 0, edges = 0;
        var seed = 1UL;
        string? output = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--nodes": nodes = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--edges": edges = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--out": output = args[i + 1]; break;
                default: return Usage($"unknown option {args[i]}");
            }
        }

        if (nodes is < 2 or > int.MaxValue || edges < 1 || edges > Array.MaxLength || output is null)
        {
            return Usage("expected --nodes N (2..2^31) --edges M --out PREFIX [--seed S]");
        }

        var (source, target, weight) = Make((int)nodes, (int)edges, seed);
        EdgeListBinary.Write(output + ".bin", Array.ConvertAll(source, v => (long)v), Array.ConvertAll(target, v => (long)v), weight);
        WriteText(output + ".txt", source, target, weight);
        Console.WriteLine($"wrote {edges:N0} edges over {nodes:N0} nodes to {output}.bin and {output}.txt");
        return 0;
    }

    public static (int[] Source, int[] Target, float[] Weight) Make(int nodes, int edges, ulong seed)
    {
        var rng = new SplitMix(seed);
        var outRank = Shuffled(nodes, ref rng);
        var inRank = Shuffled(nodes, ref rng);
        var source = new int[edges];
        var target = new int[edges];
        var weight = new float[edges];
        for (var e = 0; e < edges; e++)
        {
            // Rank r drawn with P(r) ~ r^-0.6 (out) and r^-0.8 (in): heavy-tailed degrees like follower graphs.
            source[e] = outRank[PowerLaw(nodes, 0.6, rng.NextDouble())];
            var t = inRank[PowerLaw(nodes, 0.8, rng.NextDouble())];
            target[e] = t == source[e] ? inRank[(int)(rng.NextDouble() * nodes)] : t;
            weight[e] = (float)(Math.Round((0.1 - Math.Log(1 - rng.NextDouble())) * 1000) / 1000);
        }

        return (source, target, weight);
    }

    private static int PowerLaw(int n, double exponent, double u) => (int)Math.Min(n - 1, n * Math.Pow(u, 1 / (1 - exponent)));

    private static int[] Shuffled(int n, ref SplitMix rng)
    {
        var ids = new int[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = i;
        }

        for (var i = n - 1; i > 0; i--)
        {
            var j = (int)(rng.NextDouble() * (i + 1));
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }

        return ids;
    }

    private static void WriteText(string path, int[] source, int[] target, float[] weight)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[1 << 20];
        var at = 0;
        for (var e = 0; e < source.Length; e++)
        {
            if (at > buffer.Length - 64)
            {
                stream.Write(buffer, 0, at);
                at = 0;
            }

            Utf8Formatter.TryFormat(source[e], buffer.AsSpan(at), out var n);
            at += n;
            buffer[at++] = (byte)' ';
            Utf8Formatter.TryFormat(target[e], buffer.AsSpan(at), out n);
            at += n;
            buffer[at++] = (byte)' ';
            Utf8Formatter.TryFormat((decimal)Math.Round((decimal)weight[e], 3), buffer.AsSpan(at), out n);
            at += n;
            buffer[at++] = (byte)'\n';
        }

        stream.Write(buffer, 0, at);
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 2;
    }

    /// <summary>SplitMix64: small, fast, and the same on every machine.</summary>
    private struct SplitMix(ulong seed)
    {
        private ulong state = seed;

        public double NextDouble()
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
