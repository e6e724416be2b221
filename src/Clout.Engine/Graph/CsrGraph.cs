namespace Clout.Engine.Graph;

/// <summary>
/// A weighted directed graph in compressed sparse rows, grouped by one end of each edge: for vertex v, the edges
/// are <c>Start[v]..Start[v+1]</c>, <c>Other</c> holds the opposite end, sorted ascending within each vertex.
/// </summary>
public sealed class CsrGraph(int vertices, long[] start, int[] other, float[] weight)
{
    public int Vertices { get; } = vertices;

    public long[] Start { get; } = start;

    public int[] Other { get; } = other;

    public float[] Weight { get; } = weight;

    public long Edges => Start[Vertices];
}
