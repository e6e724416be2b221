using BenchmarkDotNet.Attributes;
using Clout.Core.Domain;
using Clout.Core.Scoring;

namespace Clout.Benchmarks;

/// <summary>
/// Encoding one chunk of explanations (8,192, as the daily run's writer does, on every core): the codec's per-thread
/// buffers against the reference that allocates the JSON and the compressed bytes as new arrays. The explanations are
/// shaped like a generated person's (contributions per network and signal, engagers, discounts, totals).
/// </summary>
public class SnapshotEncoding
{
    private const int Chunk = 8192;
    private Explanation[] explanations = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        Network[] networks = [Network.X, Network.Mastodon, Network.Bluesky, Network.Reddit, Network.YouTube];
        string[] signals = ["reach.reshares", "reach.replies", "reach.mentions", "amplification.per_post", "network_impact", "audience.followers"];
        explanations = [.. Enumerable.Range(0, Chunk).Select(p => new Explanation
        {
            Contributions = [.. Enumerable.Range(0, 8 + random.Next(24)).Select(i =>
            {
                var network = networks[random.Next(networks.Length)];
                var signal = signals[random.Next(signals.Length)];
                return new Contribution($"@user{p} on {network}: {signal}", random.NextDouble() * 9, signal.Split('.')[0], network, $"{random.Next()}", signal, random.NextDouble() * 400);
            })],
            Discounted = random.Next(4) == 0 ? [new DiscountedSignal("fresh_account", 12, 11.4, 3, "engagement from accounts under 30 days old")] : [],
            Influencers = [.. Enumerable.Range(0, random.Next(11)).Select(i => new Engager($"p{random.Next(1_000_000)}", networks[i % networks.Length], $"{random.Next()}", $"handle{i}", random.NextDouble() * 5, random.NextDouble()))],
            Influencees = [.. Enumerable.Range(0, random.Next(6)).Select(i => new Engager($"p{random.Next(1_000_000)}", networks[i % networks.Length], $"{random.Next()}", null, random.NextDouble() * 5, random.NextDouble()))],
            Totals = Enumerable.Range(0, 10).ToDictionary(i => $"total_{i}", _ => random.NextDouble() * 1000),
        })];
    }

    [Benchmark(Baseline = true)]
    public long NewArrays()
    {
        long bytes = 0;
        Parallel.For(0, Chunk, () => 0L, (i, _, sum) => sum + SnapshotCodec.EncodeByArrays(explanations[i]).Length, sum => Interlocked.Add(ref bytes, sum));
        return bytes;
    }

    [Benchmark]
    public long PerThreadBuffers()
    {
        long bytes = 0;
        Parallel.For(0, Chunk, () => 0L, (i, _, sum) => sum + SnapshotCodec.EncodeExplanation(explanations[i]).Length, sum => Interlocked.Add(ref bytes, sum));
        return bytes;
    }
}
