using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Gongkai.ReportReading;
using Gongkai.Reporting;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Pages.Staff.ReportReader;

/// <summary>HTML fragments for the reader page: the report text with every figure marked, and the charts.</summary>
public static class ReportView
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string FormatLabel(ReportFormat? format) => format switch
    {
        ReportFormat.V2021 => "2021年格式",
        ReportFormat.V2019 => "2019年格式（试行）",
        ReportFormat.Legacy => "2019年以前（旧统计口径）",
        _ => "未识别",
    };

    public static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    /// <summary>Spec label of a key, for people ("本年新收…／总计"); the key itself when unknown.</summary>
    public static string Label(string key)
    {
        var cell = ReportFormats.V2021.FindCell(key) ?? ReportFormats.V2019.FindCell(key) ?? ReportFormats.Legacy.FindCell(key);
        return cell?.Describe() ?? key;
    }

    public static string LineId(int report, int line) => $"r{report}-L{line}";

    /// <summary>The text, one numbered line each, figures wrapped in &lt;mark&gt; with their key; lines with findings flagged.</summary>
    public static IHtmlContent SourceText(ReportReadResult result, int report)
    {
        var spans = result.Cells.Select(c => (c.Source, Key: c.Key, Kind: "cell"))
            .Concat(result.Unplaced.Select(u => (u.Source, Key: $"未归位：{u.Reason}", Kind: "unplaced")))
            .GroupBy(s => s.Source.Line)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Source.Column).ToList());
        var flagged = result.Findings.SelectMany(f => f.Lines).ToHashSet();
        var lines = result.Text.Split('\n');
        var sb = new StringBuilder("<ol class=\"source\">");
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var text = lines[i].Replace('\t', ' ');
            sb.Append($"<li id=\"{LineId(report, number)}\"{(flagged.Contains(number) ? " class=\"finding-line\"" : "")}>");
            var pos = 0;
            if (spans.TryGetValue(number, out var marks))
            {
                foreach (var (source, key, kind) in marks)
                {
                    var start = Math.Min(source.Column - 1, text.Length);
                    if (start < pos) continue;
                    var end = Math.Min(start + source.Length, text.Length);
                    sb.Append(Encoder.Encode(text[pos..start]));
                    sb.Append($"<mark class=\"{kind}\" title=\"{Encoder.Encode(key)}\">{Encoder.Encode(text[start..end])}</mark>");
                    pos = end;
                }
            }
            sb.Append(Encoder.Encode(text[pos..])).Append("</li>");
        }
        return new HtmlString(sb.Append("</ol>").ToString());
    }

    /// <summary>The figures compared across reports: one per metric, the era's key for each report.</summary>
    public static readonly (string Title, string[] Keys)[] Metrics =
    [
        ("收到申请（件）", ["applications.new.total", "legacy.applications.total"]),
        ("予以公开（件）", ["applications.result.granted.total", "legacy.responses.granted"]),
        ("结转下年度（件）", ["applications.carry_forward.total"]),
        ("行政复议（件）", ["review.total", "legacy.review.total"]),
        ("行政诉讼（件）", ["litigation.direct.total", "legacy.litigation.total"]),
    ];

    public static string Caption(ReportReadResult r, string fallback) =>
        $"{r.Agency ?? fallback}{(r.Year is { } y ? $" {y}年" : "")}";

    public static decimal? Metric(ReportReadResult r, string[] keys) =>
        keys.Select(k => r[k]).FirstOrDefault(v => v is not null);

    /// <summary>A horizontal bar chart as inline SVG (no script, no CDN); one bar per report.</summary>
    public static IHtmlContent BarChart(string title, IReadOnlyList<(string Label, decimal? Value)> bars)
    {
        const int barHeight = 22, gap = 8, labelWidth = 220, chartWidth = 360;
        var max = bars.Max(b => b.Value ?? 0);
        var height = bars.Count * (barHeight + gap) + 30;
        var sb = new StringBuilder($"<svg class=\"chart\" role=\"img\" aria-label=\"{Encoder.Encode(title)}\" viewBox=\"0 0 {labelWidth + chartWidth + 80} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append($"<title>{Encoder.Encode(title)}</title><text x=\"0\" y=\"16\" font-weight=\"bold\">{Encoder.Encode(title)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 28 + i * (barHeight + gap);
            var width = max > 0 && value is { } v ? (double)(v / max) * chartWidth : 0;
            sb.Append($"<text x=\"{labelWidth - 6}\" y=\"{y + 16}\" text-anchor=\"end\">{Encoder.Encode(label)}</text>");
            sb.Append(FormattableString.Invariant($"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width:0.#}\" height=\"{barHeight}\" fill=\"#1c3d6e\"></rect>"));
            sb.Append(FormattableString.Invariant($"<text x=\"{labelWidth + width + 6:0.#}\" y=\"{y + 16}\">{(value is { } n ? Number(n) : "未填报")}</text>"));
        }
        return new HtmlString(sb.Append("</svg>").ToString());
    }
}
