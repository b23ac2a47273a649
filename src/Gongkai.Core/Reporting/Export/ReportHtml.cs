using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Catalog;

namespace Gongkai.Reporting.Export;

/// <summary>
/// The report as HTML: sections 一 to 六 with the official tables (merged headers), and inline SVG
/// charts (no scripts, no external resources). <paramref name="cellLink"/> turns numbers into links (drill-down).
/// </summary>
public static class ReportHtml
{
    public static string Fragment(GeneratedReport report, Func<string, string?>? cellLink = null, bool charts = true)
    {
        var definition = ReportFormats.For(report.Figures.Format);
        var html = new StringBuilder();
        html.Append("<article class=\"annual-report\">");
        html.Append($"<h1>{E(report.Agency.Name)}{report.Figures.Year}年政府信息公开工作年度报告</h1>");
        foreach (var section in definition.Sections)
        {
            html.Append($"<section><h2>{section.Number}、{E(section.Heading)}</h2>");
            var narrative = NarrativeFor(report, definition, section);
            if (narrative is not null) html.Append(SafeMarkdown.ToHtml(narrative));
            var table = report.Figures.Format == ReportFormat.Legacy
                ? (section.Number == "八" ? definition.FindTable("附") : null)
                : definition.FindTable(section.Number);
            if (table is not null)
                foreach (var part in table.Parts) html.Append(Table(table, part, report.Figures, cellLink));
            if (charts && section.Number == "三" && report.Figures.Format != ReportFormat.Legacy)
                html.Append(Charts(report));
            html.Append("</section>");
        }
        html.Append("</article>");
        return html.ToString();
    }

    public static string Document(GeneratedReport report) =>
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + $"<title>{E(report.Agency.Name)}{report.Figures.Year}年政府信息公开工作年度报告</title><style>{Css}</style></head><body>"
        + Fragment(report) + "</body></html>";

    public const string Css =
        ".annual-report table{border-collapse:collapse;margin:1em 0;font-size:14px}" +
        ".annual-report th,.annual-report td{border:1px solid #333;padding:4px 6px}" +
        ".annual-report td{text-align:right;min-width:3em}.annual-report th{font-weight:normal;background:#f4f4f4}" +
        ".annual-report figure{display:inline-block;margin:1em 2em 1em 0}";

    private static string? NarrativeFor(GeneratedReport report, ReportFormatDefinition definition, ReportSection section) =>
        (report.Figures.Format, section.Number) switch
        {
            (_, "一") => report.Narrative[NarrativeSection.overview],
            (ReportFormat.Legacy, "七") or (not ReportFormat.Legacy, "五") => report.Narrative[NarrativeSection.problems],
            (not ReportFormat.Legacy, "六") => report.Narrative[NarrativeSection.other],
            _ => null,
        };

    public static string Table(ReportTable table, ReportTablePart part, ReportFigures figures, Func<string, string?>? cellLink)
    {
        var grid = ReportGrid.For(table, part, key => figures.Cells.TryGetValue(key, out var v) && v is { } x ? ConsistencyRules.Fmt(x) : "");
        var html = new StringBuilder("<table>");
        for (var r = 0; r < grid.RowCount; r++)
        {
            html.Append("<tr>");
            for (var c = 0; c < grid.ColumnCount; c++)
            {
                if (grid.AnchorAt(r, c) is not { } cell) continue;
                var tag = cell.Header ? "th" : "td";
                var spans = (cell.RowSpan > 1 ? $" rowspan=\"{cell.RowSpan}\"" : "") + (cell.ColSpan > 1 ? $" colspan=\"{cell.ColSpan}\"" : "");
                var keyAttr = cell.Key is null ? "" : $" data-key=\"{E(cell.Key)}\"";
                var text = E(cell.Text);
                if (cell.Key is not null && cellLink?.Invoke(cell.Key) is { } href && text.Length > 0)
                    text = $"<a href=\"{E(href)}\">{text}</a>";
                html.Append($"<{tag}{spans}{keyAttr}>{text}</{tag}>");
            }
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <summary>New requests by month of receipt, and the year's outcomes by group, as inline SVG.</summary>
    public static string Charts(GeneratedReport report)
    {
        var year = report.Figures.Year;
        var months = report.Records.ReceivedByMonth(year);
        var html = new StringBuilder();
        html.Append(BarChart("本年新收申请（按月）", [.. Enumerable.Range(1, 12).Select(m => ($"{m}月", (decimal)months[m - 1]))]));

        decimal Sum(string prefix) => ReportFormats.ResultLeafRows(report.Figures.Format)
            .Where(row => row.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Sum(row => report.Figures.Get(ReportKeys.ApplicationCell(row.Key, ApplicantColumn.Total)));
        (string, decimal)[] groups =
        [
            ("予以公开", Sum("result.granted")), ("部分公开", Sum("result.partial")), ("不予公开", Sum("result.withheld.")),
            ("无法提供", Sum("result.unable.")), ("不予处理", Sum("result.not_processed.")), ("其他处理", Sum("result.other.")),
        ];
        html.Append(ShareChart("本年办理结果构成", groups));
        return html.ToString();
    }

    private static string BarChart(string title, IReadOnlyList<(string Label, decimal Value)> bars)
    {
        const int width = 480, height = 200, left = 30, bottom = 24;
        var max = Math.Max(1, bars.Max(b => b.Value));
        var step = (width - left) / (double)bars.Count;
        var svg = new StringBuilder($"<figure><figcaption>{E(title)}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{E(title)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var h = (double)(bars[i].Value / max) * (height - bottom - 16);
            var x = left + i * step + step * 0.15;
            var y = height - bottom - h;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{step * 0.7:0.#}\" height=\"{h:0.#}\" fill=\"#b22222\"><title>{E(bars[i].Label)}：{ConsistencyRules.Fmt(bars[i].Value)}件</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + step * 0.35:0.#}\" y=\"{height - 8}\" font-size=\"11\" text-anchor=\"middle\">{E(bars[i].Label)}</text>");
            if (bars[i].Value > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + step * 0.35:0.#}\" y=\"{y - 3:0.#}\" font-size=\"10\" text-anchor=\"middle\">{ConsistencyRules.Fmt(bars[i].Value)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width}\" y2=\"{height - bottom}\" stroke=\"#333\"/>");
        return svg.Append("</svg></figure>").ToString();
    }

    // A stacked horizontal bar with a legend: readable without colour, no arc arithmetic to get wrong.
    private static string ShareChart(string title, IReadOnlyList<(string Label, decimal Value)> parts)
    {
        string[] colours = ["#2e7d32", "#9ccc65", "#c62828", "#ef6c00", "#6a1b9a", "#607d8b"];
        const int width = 480;
        var total = parts.Sum(p => p.Value);
        var svg = new StringBuilder($"<figure><figcaption>{E(title)}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{E(title)}\" width=\"{width}\" height=\"{40 + parts.Count * 18}\">");
        double x = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var w = total == 0 ? 0 : (double)(parts[i].Value / total) * width;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"0\" width=\"{w:0.#}\" height=\"24\" fill=\"{colours[i]}\"/>");
            x += w;
            var share = total == 0 ? "0%" : (parts[i].Value / total).ToString("0.0%", CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{32 + i * 18}\" width=\"12\" height=\"12\" fill=\"{colours[i]}\"/><text x=\"18\" y=\"{43 + i * 18}\" font-size=\"12\">{E(parts[i].Label)} {ConsistencyRules.Fmt(parts[i].Value)}件（{share}）</text>");
        }
        return svg.Append("</svg></figure>").ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
