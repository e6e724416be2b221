using System.Globalization;
using System.Text;

namespace Clout.Application.Validation;

/// <summary>The Markdown report and the SVG plot of a predictive-validity run.</summary>
public static class PredictiveReport
{
    public static string Markdown(PredictiveResult result, string? plotFile)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Predictive validity: {Path.GetFileName(result.Data)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{result.Events:N0} actions among {result.Accounts:N0} accounts. At each cutoff the score uses only the days up to it; the outcome is what each account active before the cutoff receives after it (distinct accounts that reshare, reply to or mention it). Baselines are computed on the same past.\n\n");
        foreach (var c in result.Cutoffs)
        {
            md.Append(CultureInfo.InvariantCulture, $"## Cutoff end of {c.Cutoff:yyyy-MM-dd}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"{c.Accounts:N0} accounts active before; {c.AccountsWithFuture:N0} receive something after ({c.FutureActions:N0} actions). {Verdict(c)}\n\n");
            md.Append("| predictor | Spearman ρ | NDCG@100 | precision@100 | ρ vs action count |\n|---|---:|---:|---:|---:|\n");
            foreach (var (name, m) in c.Metrics)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {name} | {m.Spearman:F3} | {m.Ndcg:F3} | {m.Precision:F2} | {c.CountMetrics[name].Spearman:F3} |\n");
            }

            md.Append('\n');
        }

        if (plotFile is not null)
        {
            md.Append(CultureInfo.InvariantCulture, $"![metrics per cutoff]({plotFile})\n");
        }

        return md.ToString();
    }

    /// <summary>Whether the score (the first row) beats every baseline on both Spearman and NDCG.</summary>
    public static bool Wins(CutoffResult cutoff, string score = "clout")
    {
        ArgumentNullException.ThrowIfNull(cutoff);
        var s = cutoff.Metrics[score];
        foreach (var b in PredictiveResult.Baselines)
        {
            if (cutoff.Metrics.TryGetValue(b, out var m) && (m.Spearman >= s.Spearman || m.Ndcg >= s.Ndcg))
            {
                return false;
            }
        }

        return true;
    }

    private static string Verdict(CutoffResult c)
    {
        var first = c.Metrics.Keys.First();
        return Wins(c, first) ? $"**{first} beats every baseline on ρ and NDCG@100.**" : $"{first} does not beat every baseline on both ρ and NDCG@100.";
    }

    public static string Plot(PredictiveResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var x = result.Cutoffs.Select(c => c.Cutoff.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var names = result.Cutoffs.Count == 0 ? [] : result.Cutoffs[0].Metrics.Keys.ToArray();
        SvgPlot.Panel Panel(string title, Func<MetricSet, double> pick) => new(
            title,
            x,
            names.ToDictionary(n => n, n => (IReadOnlyList<double>)result.Cutoffs.Select(c => pick(c.Metrics[n])).ToArray()));
        return SvgPlot.Render([Panel("Spearman ρ vs future distinct engagers", m => m.Spearman), Panel("NDCG@100", m => m.Ndcg)]);
    }
}
