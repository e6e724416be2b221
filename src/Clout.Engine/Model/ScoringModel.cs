using Clout.Engine.Graph;
using Clout.Engine.Ranking;
using Clout.Engine.Window;

namespace Clout.Engine.Model;

/// <summary>
/// Clout's scoring model (docs/algorithm.md). From a window: actor quality (age, standing, selectivity, rings),
/// per-account Reach, Amplification, Network Impact and Audience, an additive influence value per account, a
/// person's value as the sum over their linked accounts (so linking never lowers it), and the calibrated score.
/// Pure and deterministic: the same input gives bit-identical output on any number of threads.
/// </summary>
public sealed partial class ScoringModel(ModelParameters parameters)
{
    public const int Reasons = 4;

    public ModelParameters Parameters { get; } = parameters ?? throw new ArgumentNullException(nameof(parameters));

    public ModelOutput Run(ScoringInput input, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var p = Parameters;
        var n = input.Accounts;

        progress?.Report("building the engagement graph");
        // One grouping of the rows into edges for every weight column (raw, and recent and late reach where the version has them).
        var rows = CsrBuilder.GroupRows(n, input.RowTarget, input.RowActor);
        var raw = rows.Graph(input.RowWeight);
        ClampNegative(raw.Weight);
        var outRaw = OutWeights(raw);

        progress?.Report("actor quality");
        var age = AgeFactors(input);
        var selectivity = new double[n];
        for (var a = 0; a < n; a++)
        {
            selectivity[a] = outRaw[a] <= p.SelectivityBudget ? 1 : Math.Sqrt(p.SelectivityBudget / outRaw[a]);
        }

        var reciprocity = Reciprocity(raw);
        var ring = RingShares(raw, reciprocity, outRaw);
        var standing = Standing(input, raw, reciprocity, age, selectivity, ring);
        var quality = new double[n];
        for (var a = 0; a < n; a++)
        {
            quality[a] = age[a] * standing[a] * RingFactor(ring[a]);
        }

        progress?.Report("reach, amplification and discounts");
        var effective = new float[raw.Edges];
        var f = new Features(n);
        var recent = Parameters.HasRecentReach ? EdgeWeights(input, rows, input.RowRecentWeight, "recent") : null;
        var late = Parameters.HasLateReach ? EdgeWeights(input, rows, input.RowLateWeight, "late") : null;
        ComputeFeatures(input, raw, recent, late, reciprocity, quality, age, standing, selectivity, ring, effective, f);

        progress?.Report("network impact (propagation)");
        var engagement = new CsrGraph(n, raw.Start, raw.Other, effective);
        var outEffective = OutWeights(engagement);
        var teleport = new double[n];
        double teleSum = 0;
        for (var a = 0; a < n; a++)
        {
            teleport[a] = 0.02 + quality[a];
            teleSum += teleport[a];
        }

        for (var a = 0; a < n; a++)
        {
            teleport[a] /= teleSum;
        }

        var rank = PageRank.Run(engagement, outEffective, teleport, new PageRankOptions { Damping = p.Damping, MaxIterations = p.Iterations, Tolerance = 1e-10 });
        var networkImpact = Inflow(engagement, outEffective, rank.Ranks, p.Damping);

        progress?.Report("values and calibration");
        var output = Assemble(input, raw, engagement, quality, age, standing, selectivity, ring, f, networkImpact, rank);
        return output;
    }

    /// <summary>
    /// Edge weights of the engagement graph from one more weight per row (recent or late reach), on the raw graph's
    /// edges (the same rows merged the same way).
    /// </summary>
    private float[] EdgeWeights(ScoringInput input, RowGroups rows, float[] rowWeights, string term)
    {
        if (rowWeights.Length != input.Rows)
        {
            throw new ArgumentException($"the window has {rowWeights.Length} {term} row weights for {input.Rows} rows; expected one per row (build it with the parameters of version {Parameters.Version})", nameof(input));
        }

        var weights = rows.Sum(rowWeights);
        ClampNegative(weights);
        return weights;
    }

    private double RingFactor(double ring) => 1 - (Parameters.RingPenalty * ring * ring);

    private static void ClampNegative(float[] weights)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] < 0)
            {
                weights[i] = 0; // more unfollows than follows on an edge: nothing is left, not a negative signal
            }
        }
    }

    private static double[] OutWeights(CsrGraph inEdges)
    {
        var result = new double[inEdges.Vertices];
        var other = inEdges.Other;
        var weight = inEdges.Weight;
        for (long e = 0; e < inEdges.Edges; e++)
        {
            result[other[e]] += weight[e];
        }

        return result;
    }

    private double[] AgeFactors(ScoringInput input)
    {
        var p = Parameters;
        var result = new double[input.Accounts];
        for (var a = 0; a < input.Accounts; a++)
        {
            var created = input.CreatedDay[a];
            if (created == int.MinValue)
            {
                result[a] = 1; // unknown age: neutral, the other signals decide
                continue;
            }

            var x = Math.Clamp((input.Day - created - p.FreshDays) / (p.MatureDays - p.FreshDays), 0, 1);
            result[a] = x * x * (3 - (2 * x));
        }

        return result;
    }

    /// <summary>For each in-edge a→t, min(1, w(t→a) / w(a→t)): how much of it is returned.</summary>
    private static float[] Reciprocity(CsrGraph g)
    {
        var result = new float[g.Edges];
        var start = g.Start;
        var other = g.Other;
        var weight = g.Weight;
        var parts = CsrBuilder.Partitions(g.Vertices);
        Parallel.For(0, parts, part =>
        {
            var (from, to) = CsrBuilder.Range(g.Vertices, part);
            for (var t = from; t < to; t++)
            {
                for (var e = start[t]; e < start[t + 1]; e++)
                {
                    var a = other[e];
                    var s = (int)start[a];
                    var len = (int)(start[a + 1] - start[a]);
                    var at = len == 0 ? -1 : Array.BinarySearch(other, s, len, t);
                    if (at >= 0 && weight[e] > 0)
                    {
                        result[e] = Math.Min(1f, weight[at] / weight[e]);
                    }
                }
            }
        });
        return result;
    }

    /// <summary>Share of each actor's outgoing weight that the targets return.</summary>
    private static double[] RingShares(CsrGraph g, float[] reciprocity, double[] outRaw)
    {
        var n = g.Vertices;
        var returned = new double[n];
        for (var t = 0; t < n; t++)
        {
            for (var e = g.Start[t]; e < g.Start[t + 1]; e++)
            {
                returned[g.Other[e]] += g.Weight[e] * reciprocity[e];
            }
        }

        for (var a = 0; a < n; a++)
        {
            returned[a] = outRaw[a] > 0 ? Math.Min(1, returned[a] / outRaw[a]) : 0;
        }

        return returned;
    }

    private double EffectiveAction(float weight, double selectivity, float reciprocity) =>
        weight * selectivity * (1 - (Parameters.ReciprocityDiscount * reciprocity));

    private static double Saturate(double x) => 1 - Math.Exp(-x);

    /// <summary>
    /// Standing: does anyone (of some age) engage with this actor, or follow it? Uses age, not full quality, so it
    /// needs no fixed point; bought accounts have neither.
    /// </summary>
    private double[] Standing(ScoringInput input, CsrGraph g, float[] reciprocity, double[] age, double[] selectivity, double[] ring)
    {
        var p = Parameters;
        var n = g.Vertices;
        var result = new double[n];
        var parts = CsrBuilder.Partitions(n);
        Parallel.For(0, parts, part =>
        {
            var (from, to) = CsrBuilder.Range(n, part);
            for (var t = from; t < to; t++)
            {
                double s = 0;
                for (var e = g.Start[t]; e < g.Start[t + 1]; e++)
                {
                    var a = g.Other[e];
                    var vouch = p.StandingDiscountsRings ? age[a] * RingFactor(ring[a]) : age[a];
                    s += vouch * Saturate(EffectiveAction(g.Weight[e], selectivity[a], reciprocity[e]));
                }

                if (input.Followers[t] > 0)
                {
                    s += 0.3 * Math.Log(1 + input.Followers[t]);
                }

                s += input.CounterEngagers[t] > 0 ? Math.Log(1 + input.CounterEngagers[t]) : 0;
                result[t] = p.StandingFloor + ((1 - p.StandingFloor) * (1 - Math.Exp(-s / p.StandingScale)));
            }
        });
        return result;
    }

    /// <summary>Network impact: the rank flowing into each account along effective edges, scaled so an average account's rank is 1.</summary>
    private static double[] Inflow(CsrGraph g, double[] outWeight, float[] rank, double damping)
    {
        var n = g.Vertices;
        var result = new double[n];
        var parts = CsrBuilder.Partitions(n);
        Parallel.For(0, parts, part =>
        {
            var (from, to) = CsrBuilder.Range(n, part);
            for (var t = from; t < to; t++)
            {
                double sum = 0;
                for (var e = g.Start[t]; e < g.Start[t + 1]; e++)
                {
                    var a = g.Other[e];
                    if (outWeight[a] > 0)
                    {
                        sum += rank[a] * g.Weight[e] / outWeight[a];
                    }
                }

                result[t] = sum * damping * n;
            }
        });
        return result;
    }
}
