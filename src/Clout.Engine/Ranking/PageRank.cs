using Clout.Engine.Graph;

namespace Clout.Engine.Ranking;

/// <summary>
/// Weighted, personalised PageRank by pull over in-edges. Each source spreads its rank in proportion to its
/// out-weights; dangling mass and the (1 - d) part follow the teleport vector. Runs <see cref="PageRankKernel"/>:
/// bit-identical for any thread count, no allocation inside iterations.
/// </summary>
public static class PageRank
{
    /// <param name="inEdges">Edges grouped by target; <c>Other</c> = source, <c>Weight</c> = raw weight (empty: all 1).</param>
    /// <param name="outWeight">Sum of raw out-weights of each vertex (0 for dangling vertices).</param>
    /// <param name="teleport">Teleport distribution (sums to 1), or empty for uniform.</param>
    public static PageRankResult Run(CsrGraph inEdges, ReadOnlySpan<double> outWeight, ReadOnlySpan<double> teleport, PageRankOptions options)
    {
        ArgumentNullException.ThrowIfNull(inEdges);
        ArgumentNullException.ThrowIfNull(options);
        if (inEdges.Vertices == 0)
        {
            return new PageRankResult([], 0, 0);
        }

        using var kernel = new PageRankKernel(inEdges, outWeight, teleport, options);
        return kernel.Run(options.MaxIterations, options.Tolerance);
    }
}
