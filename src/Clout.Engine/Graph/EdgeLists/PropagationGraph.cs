namespace Clout.Engine.Graph.EdgeLists;

/// <summary>
/// A graph ready for propagation: in-edges grouped by target (<c>Weight</c> empty when every edge weighs 1), each
/// vertex's total out-weight, and the file id of each vertex.
/// </summary>
public sealed record PropagationGraph(CsrGraph InEdges, double[] OutWeight, long[] OriginalIds);
