using BenchmarkDotNet.Attributes;
using Clout.Engine.Graph.EdgeLists;
using Clout.Engine.Ranking;

namespace Clout.Benchmarks;

/// <summary>
/// The graph kernels behind <c>clout rank</c> and the daily run, on a generated power-law graph of 10M weighted
/// edges over 666,667 nodes (the shape of the 60M-edge benchmark graph, a sixth of its size).
/// </summary>
public class GraphKernels
{
    private const int Nodes = 666_667;
    private const int Edges = 10_000_000;
    private int[] source = [];
    private int[] target = [];
    private float[] weight = [];
    private PropagationGraph graph = null!;
    private PageRankKernel kernel = null!;
    private string textFile = string.Empty;
    private string binaryFile = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        (source, target, weight) = GraphGenerator.Make(Nodes, Edges, 1);
        graph = EdgeListGraph.Build(Columns(), degreeOrder: true, Environment.ProcessorCount);
        kernel = new PageRankKernel(graph.InEdges, graph.OutWeight, [], new PageRankOptions());
        var prefix = Path.Combine(Path.GetTempPath(), $"clout-bench-{Environment.ProcessId}");
        binaryFile = prefix + ".bin";
        textFile = prefix + ".txt";
        EdgeListBinary.Write(binaryFile, Array.ConvertAll(source, v => (long)v), Array.ConvertAll(target, v => (long)v), weight);
        File.WriteAllLines(textFile, Enumerable.Range(0, 1_000_000).Select(i => $"{source[i]} {target[i]} {weight[i]:0.###}"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        kernel.Dispose();
        File.Delete(textFile);
        File.Delete(binaryFile);
    }

    /// <summary>One propagation step over all 10M edges: should allocate nothing.</summary>
    [Benchmark]
    public double PageRankStep() => kernel.Step();

    /// <summary>Compact ids and the counting-sort CSR build from edge columns.</summary>
    [Benchmark]
    public int BuildCsr() => EdgeListGraph.Build(Columns(), degreeOrder: true, Environment.ProcessorCount).InEdges.Vertices;

    /// <summary>The same build keeping the file's vertex order.</summary>
    [Benchmark]
    public int BuildCsrInputOrder() => EdgeListGraph.Build(Columns(), degreeOrder: false, Environment.ProcessorCount).InEdges.Vertices;

    /// <summary>Parsing 1M lines of "src dst weight" text.</summary>
    [Benchmark]
    public int ParseText1M() => EdgeListText.Read(textFile, weighted: true, Environment.ProcessorCount).Count;

    /// <summary>Reading 10M edges in the binary form.</summary>
    [Benchmark]
    public int ReadBinary10M() => EdgeListBinary.Read(binaryFile, weighted: true, Environment.ProcessorCount).Count;

    private EdgeList Columns() => new((int[])source.Clone(), (int[])target.Clone(), (float[])weight.Clone(), Edges, []);
}
