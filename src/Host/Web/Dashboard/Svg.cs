using System.Globalization;
using System.Net;
using System.Text;

namespace PerformancePlan.Host.Web.Dashboard;

/// <summary>Small server-side SVG charts: no script, no CDN, printable.</summary>
public static class Svg
{
    static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
    static string E(string s) => WebUtility.HtmlEncode(s);

    public static string BandColor(string band) => band switch
    {
        "achieved" => "#3c9a4f", "partial" => "#e0b000", "not_achieved" => "#c73a3a", "neutralized" => "#5b7fc4", _ => "#bbbbbb",
    };

    /// <summary>Horizontal bars 0–100 with a colour per band.</summary>
    public static string Bars(IReadOnlyList<(string Label, decimal? Value, string Band)> items, string title)
    {
        const int row = 22, left = 70, width = 360;
        var h = new StringBuilder($"<svg role=\"img\" aria-label=\"{E(title)}\" width=\"{left + width + 60}\" height=\"{items.Count * row + 30}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">");
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value, band) = items[i];
            var w = (double)(value ?? 0) / 100 * width;
            h.Append($"<text x=\"0\" y=\"{i * row + 15}\">{E(label)}</text>");
            h.Append($"<rect x=\"{left}\" y=\"{i * row + 4}\" width=\"{F(Math.Max(w, 1))}\" height=\"14\" fill=\"{BandColor(band)}\"><title>{E(label)}: {(value is null ? "non rilevato" : F((double)value))}</title></rect>");
            h.Append($"<text x=\"{F(left + Math.Max(w, 1) + 4)}\" y=\"{i * row + 15}\">{(value is null ? "—" : F((double)value))}</text>");
        }
        foreach (var mark in new[] { 50, 90 })
            h.Append($"<line x1=\"{left + mark * width / 100}\" x2=\"{left + mark * width / 100}\" y1=\"0\" y2=\"{items.Count * row + 4}\" stroke=\"#888\" stroke-dasharray=\"3,3\"/><text x=\"{left + mark * width / 100 - 8}\" y=\"{items.Count * row + 18}\">{mark}</text>");
        return h.Append("</svg>").ToString();
    }

    /// <summary>A step line of values over ordered labels (target lineage, scores over the year).</summary>
    public static string Steps(IReadOnlyList<(string Label, decimal Value)> points, string title, decimal? reference = null)
    {
        const int w = 460, h = 160, pad = 30;
        if (points.Count == 0) return "<p>Nessun dato.</p>";
        var max = (double)Math.Max(points.Max(p => p.Value), reference ?? 0) * 1.15 + 1;
        double X(int i) => pad + i * (w - 2 * pad) / Math.Max(points.Count - 1, 1);
        double Y(decimal v) => h - pad - (double)v / max * (h - 2 * pad);
        var s = new StringBuilder($"<svg role=\"img\" aria-label=\"{E(title)}\" width=\"{w}\" height=\"{h}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"10\">");
        s.Append($"<line x1=\"{pad}\" y1=\"{h - pad}\" x2=\"{w - pad}\" y2=\"{h - pad}\" stroke=\"#999\"/>");
        if (reference is { } r) s.Append($"<line x1=\"{pad}\" x2=\"{w - pad}\" y1=\"{F(Y(r))}\" y2=\"{F(Y(r))}\" stroke=\"#c73a3a\" stroke-dasharray=\"4,3\"/><text x=\"{w - pad - 40}\" y=\"{F(Y(r) - 3)}\">target</text>");
        var path = new StringBuilder($"M{F(X(0))},{F(Y(points[0].Value))}");
        for (var i = 1; i < points.Count; i++) path.Append($" H{F(X(i))} V{F(Y(points[i].Value))}");
        s.Append($"<path d=\"{path}\" fill=\"none\" stroke=\"#2f5f9e\" stroke-width=\"2\"/>");
        for (var i = 0; i < points.Count; i++)
            s.Append($"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(points[i].Value))}\" r=\"3\" fill=\"#2f5f9e\"><title>{E(points[i].Label)}: {F((double)points[i].Value)}</title></circle>" +
                     $"<text x=\"{F(X(i) - 18)}\" y=\"{h - pad + 14}\">{E(points[i].Label)}</text><text x=\"{F(X(i) - 6)}\" y=\"{F(Y(points[i].Value) - 6)}\">{F((double)points[i].Value)}</text>");
        return s.Append("</svg>").ToString();
    }
}
