namespace Clout.Engine.Tests.Graph;

/// <summary>A temporary folder for edge list files, removed after the test.</summary>
internal sealed class EdgeListFiles : IDisposable
{
    private readonly string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clout-edges-{Guid.NewGuid():N}");

    public EdgeListFiles() => Directory.CreateDirectory(dir);

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string Path(string name) => System.IO.Path.Combine(dir, name);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>A seeded power-law edge list as (source, target, weight) with weights of three decimals.</summary>
    public static List<(long Source, long Target, float Weight)> Random(int nodes, int edges, int seed, long idScale = 1)
    {
        var rng = new Random(seed);
        var list = new List<(long, long, float)>(edges);
        for (var i = 0; i < edges; i++)
        {
            var s = (long)(nodes * Math.Pow(rng.NextDouble(), 2));
            var t = (long)(nodes * Math.Pow(rng.NextDouble(), 3));
            list.Add((s * idScale, t * idScale, (float)Math.Round(0.1 + (rng.NextDouble() * 3), 3)));
        }

        return list;
    }

    public static string Text(IEnumerable<(long Source, long Target, float Weight)> edges) =>
        string.Concat(edges.Select(e => FormattableString.Invariant($"{e.Source} {e.Target} {e.Weight}\n")));
}
