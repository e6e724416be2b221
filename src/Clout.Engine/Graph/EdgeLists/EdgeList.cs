namespace Clout.Engine.Graph.EdgeLists;

/// <summary>
/// Edges read from a file, as columns: the first <see cref="Count"/> entries of <see cref="Source"/>,
/// <see cref="Target"/> and <see cref="Weight"/> (null when the list is unweighted), holding the file's node ids;
/// ids above <see cref="int.MaxValue"/> are stored as <c>-(k + 1)</c>, where k indexes <see cref="WideIds"/>.
/// A graph build takes the columns over (<see cref="Release"/>) so their memory can go as soon as they are used.
/// </summary>
public sealed class EdgeList(int[] source, int[] target, float[]? weight, int count, IReadOnlyList<long> wideIds)
{
    public int[] Source { get; private set; } = source;

    public int[] Target { get; private set; } = target;

    public float[]? Weight { get; private set; } = weight;

    public bool Weighted { get; } = weight is not null;

    public int Count { get; } = count;

    public IReadOnlyList<long> WideIds { get; } = wideIds;

    /// <summary>Hands the columns to the caller and forgets them.</summary>
    internal (int[] Source, int[] Target, float[]? Weight) Release()
    {
        var columns = (Source, Target, Weight);
        Source = Target = [];
        Weight = null;
        return columns;
    }
}
