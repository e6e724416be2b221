using System.Globalization;
using System.Net;
using System.Text;

namespace Clout.Application.Validation;

/// <summary>A small dependency-free SVG line plot: panels side by side, one line per series, x = categories.</summary>
public static class SvgPlot
{
    private static readonly string[] Colors = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#ff7f0e"];

    public sealed record Panel(string Title, IReadOnlyList<string> X, IReadOnlyDictionary<string, IReadOnlyList<double>> Series);

    public static string Render(IReadOnlyList<Panel> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        const int W = 420, H = 300, Left = 50, Right = 10, Top = 30, Bottom = 40, Legend = 170;
        var width = (panels.Count * W) + Legend;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{H}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{H}\" fill=\"white\"/>\n");
        for (var p = 0; p < panels.Count; p++)
        {
            var panel = panels[p];
            var x0 = (p * W) + Left;
            var plotW = W - Left - Right;
            var plotH = H - Top - Bottom;
            double min = 0, max = 1;
            foreach (var s in panel.Series.Values)
            {
                foreach (var v in s)
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0 + (plotW / 2)}\" y=\"18\" text-anchor=\"middle\" font-size=\"13\">{WebUtility.HtmlEncode(panel.Title)}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x0}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#999\"/>\n");
            for (var t = 0; t <= 4; t++)
            {
                var v = min + ((max - min) * t / 4);
                var y = Y(v);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x0}\" x2=\"{x0 + plotW}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#eee\"/><text x=\"{x0 - 4}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{v:0.00}</text>\n");
            }

            var count = panel.X.Count;
            for (var i = 0; i < count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):F1}\" y=\"{H - Bottom + 16}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(panel.X[i])}</text>\n");
            }

            var c = 0;
            foreach (var (name, values) in panel.Series)
            {
                var color = Colors[c++ % Colors.Length];
                var points = new StringBuilder();
                for (var i = 0; i < values.Count; i++)
                {
                    points.Append(CultureInfo.InvariantCulture, $"{X(i):F1},{Y(values[i]):F1} ");
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):F1}\" cy=\"{Y(values[i]):F1}\" r=\"2.5\" fill=\"{color}\"/>\n");
                }

                var widthAttr = c == 1 ? 3 : 1.5;
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points.ToString().Trim()}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{widthAttr}\"><title>{WebUtility.HtmlEncode(name)}</title></polyline>\n");
            }

            double X(int i) => count <= 1 ? x0 + (plotW / 2.0) : x0 + 10 + ((plotW - 20) * i / (double)(count - 1));
            double Y(double v) => Top + (plotH * (1 - ((v - min) / (max - min))));
        }

        if (panels.Count > 0)
        {
            var k = 0;
            foreach (var name in panels[0].Series.Keys)
            {
                var y = Top + 10 + (k * 16);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{(panels.Count * W) + 5}\" x2=\"{(panels.Count * W) + 25}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{Colors[k % Colors.Length]}\" stroke-width=\"{(k == 0 ? 3 : 1.5)}\"/><text x=\"{(panels.Count * W) + 30}\" y=\"{y + 4}\">{WebUtility.HtmlEncode(name)}</text>\n");
                k++;
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
