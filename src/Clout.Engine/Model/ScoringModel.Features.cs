using Clout.Engine.Collections;
using Clout.Engine.Graph;
using Clout.Engine.Ranking;
using Clout.Engine.Window;

namespace Clout.Engine.Model;

public sealed partial class ScoringModel
{
    private sealed class Features(int n)
    {
        public double[] Reach { get; } = new double[n];

        public double[] ReachByGroup { get; } = new double[n * SignalGroups.Count];

        public bool[] ReachFromCounters { get; } = new bool[n];

        public double[] Engagement { get; } = new double[n];

        public double[] Amplification { get; } = new double[n];

        public double[] RawReceived { get; } = new double[n];

        public double[] Lost { get; } = new double[n * Reasons];

        public double[] FlaggedVolume { get; } = new double[n * Reasons];

        public int[] FlaggedActors { get; } = new int[n * Reasons];

        public double[] FollowersEffective { get; } = new double[n];
    }

    private void ComputeFeatures(ScoringInput input, CsrGraph g, float[]? recent, float[]? late, float[] reciprocity, double[] quality, double[] age, double[] standing, double[] selectivity, double[] ring, float[] effective, Features f)
    {
        var p = Parameters;
        var n = g.Vertices;
        var parts = CsrBuilder.Partitions(n);
        Parallel.For(0, parts, part =>
        {
            var (from, to) = CsrBuilder.Range(n, part);
            Span<double> factors = stackalloc double[Reasons];
            for (var t = from; t < to; t++)
            {
                double reach = 0, engaged = 0, received = 0;
                for (var e = g.Start[t]; e < g.Start[t + 1]; e++)
                {
                    var w = g.Weight[e];
                    if (w <= 0)
                    {
                        continue;
                    }

                    var a = g.Other[e];
                    var x = EffectiveAction(w, selectivity[a], reciprocity[e]);
                    var eff = quality[a] * x;
                    effective[e] = (float)eff;
                    reach += quality[a] * Saturate(x);
                    if (recent is not null)
                    {
                        // Recent reach: the same distinct, quality-weighted engagers, counted again as far as they acted lately.
                        reach += p.RecentReachWeight * quality[a] * Saturate(EffectiveAction(recent[e], selectivity[a], reciprocity[e]));
                    }

                    if (late is not null)
                    {
                        // Late reach: the same again, as far as they acted in the last hours of the scored day.
                        reach += p.LateReachWeight * quality[a] * Saturate(EffectiveAction(late[e], selectivity[a], reciprocity[e]));
                    }
                    engaged += eff;
                    received += w;

                    // Attribute what was removed to its reasons in proportion to each factor's log: the factors multiply.
                    factors[0] = age[a];
                    factors[1] = standing[a];
                    factors[2] = selectivity[a];
                    factors[3] = RingFactor(ring[a]) * (1 - (p.ReciprocityDiscount * reciprocity[e]));
                    var lost = w - eff;
                    double logSum = 0;
                    for (var k = 0; k < Reasons; k++)
                    {
                        logSum += -Math.Log(Math.Max(factors[k], 1e-9));
                    }

                    for (var k = 0; k < Reasons; k++)
                    {
                        if (logSum > 0)
                        {
                            f.Lost[(t * Reasons) + k] += lost * -Math.Log(Math.Max(factors[k], 1e-9)) / logSum;
                        }

                        if (factors[k] < 0.5)
                        {
                            f.FlaggedVolume[(t * Reasons) + k] += w;
                            f.FlaggedActors[(t * Reasons) + k]++;
                        }
                    }
                }

                f.Reach[t] = reach;
                f.Engagement[t] = engaged;
                f.RawReceived[t] = received;
            }
        });

        // Signal groups and follows by quality, from the rows (which keep the kind group that edges merged away).
        // Fixed-point sums: the rows come in store order, and integer sums do not depend on it.
        var groupWeight = new long[n * SignalGroups.Count];
        var followRaw = new long[n];
        var followEffective = new long[n];
        for (var r = 0; r < input.Rows; r++)
        {
            var w = input.RowWeight[r];
            if (w <= 0)
            {
                continue;
            }

            var a = input.RowActor[r];
            var t = input.RowTarget[r];
            var group = input.RowGroup[r];
            groupWeight[(t * SignalGroups.Count) + group] += FixedPoint.From(quality[a] * selectivity[a] * w);
            if (group == (byte)SignalGroup.Follows)
            {
                followRaw[t] += FixedPoint.From(w);
                followEffective[t] += FixedPoint.From(quality[a] * w);
            }
        }

        for (var t = 0; t < n; t++)
        {
            var counterReach = input.CounterEngagers[t] * p.CounterQuality;
            var postsInWindow = input.Posts[t];
            if (counterReach > f.Reach[t])
            {
                // Known only (or better) from counters: use them, at the quality assumed for unseen actors.
                f.Reach[t] = counterReach;
                f.ReachFromCounters[t] = true;
                f.Engagement[t] = Math.Max(f.Engagement[t], input.CounterEngagement[t] * p.CounterQuality);
                postsInWindow = Math.Max(postsInWindow, input.CounterPosts[t]);
            }

            f.Amplification[t] = p.AmplificationNeedsPosts && postsInWindow <= 0
                ? 0
                : f.Engagement[t] / (postsInWindow + p.AmplificationPrior);

            long total = 0;
            for (var k = 0; k < SignalGroups.Count; k++)
            {
                total += groupWeight[(t * SignalGroups.Count) + k];
            }

            for (var k = 0; k < SignalGroups.Count; k++)
            {
                f.ReachByGroup[(t * SignalGroups.Count) + k] = f.ReachFromCounters[t] || total <= 0
                    ? 0
                    : f.Reach[t] * groupWeight[(t * SignalGroups.Count) + k] / (double)total;
            }

            var followers = Math.Max(0, input.Followers[t]);
            if (followers > 0 && followRaw[t] > 0)
            {
                // Follows seen in the window from low-quality accounts are taken off the follower count.
                var fake = 1 - (followEffective[t] / (double)followRaw[t]);
                var share = Math.Min(1.0, input.FollowsReceived[t] / (double)followers);
                f.FollowersEffective[t] = followers * (1 - (fake * share));
            }
            else
            {
                f.FollowersEffective[t] = followers;
            }
        }
    }

    private ModelOutput Assemble(ScoringInput input, CsrGraph raw, CsrGraph engagement, double[] quality, double[] age, double[] standing, double[] selectivity, double[] ring, Features f, double[] networkImpact, PageRankResult rank)
    {
        var p = Parameters;
        var n = input.Accounts;
        var people = input.PersonKeys.Length;
        var accountValue = new double[n];
        var personValue = new double[people];
        var personActive = new bool[people];
        var ranks = new double[n];
        for (var a = 0; a < n; a++)
        {
            ranks[a] = rank.Ranks.Length > a ? rank.Ranks[a] * n : 0;
        }

        var output = new ModelOutput
        {
            Parameters = p,
            Input = input,
            Graph = engagement,
            Outgoing = CsrBuilder.Transpose(engagement),
            Quality = quality,
            AgeFactor = age,
            Standing = standing,
            Selectivity = selectivity,
            Ring = ring,
            Reach = f.Reach,
            ReachByGroup = f.ReachByGroup,
            ReachFromCounters = f.ReachFromCounters,
            Engagement = f.Engagement,
            Amplification = f.Amplification,
            NetworkImpact = networkImpact,
            FollowersEffective = f.FollowersEffective,
            Rank = ranks,
            RawReceived = f.RawReceived,
            Lost = f.Lost,
            FlaggedVolume = f.FlaggedVolume,
            FlaggedActors = f.FlaggedActors,
            AccountValue = accountValue,
            PersonValue = personValue,
            PersonScore = new double[people],
            PersonActive = personActive,
            Iterations = rank.Iterations,
        };

        for (var a = 0; a < n; a++)
        {
            double v = 0;
            foreach (var part in output.ValueParts(a))
            {
                v += part;
            }

            accountValue[a] = v;
            var person = input.Person[a];
            personValue[person] += v;
            if (input.PostsRaw[a] > 0 || input.ActionsSent[a] > 0 || input.ActionsReceived[a] > 0 || input.FollowsReceived[a] > 0
                || input.Followers[a] >= 0 || input.CounterEngagement[a] > 0 || raw.Start[a + 1] > raw.Start[a])
            {
                personActive[person] = true;
            }
        }

        for (var person = 0; person < people; person++)
        {
            output.PersonScore[person] = Calibration.Score(personValue[person], p.CalibrationMidpoint, p.CalibrationExponent);
        }

        return output;
    }
}
