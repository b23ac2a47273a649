using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Reporting;

namespace Gongkai.Core.Tests.ReportReading;

public enum Layout
{
    OneCellPerLine,
    Tabs,
    Pipes,
    Html,
    RunTogether,
    Traditional,
    FullWidthDigits,
}

/// <summary>
/// A hand-made annual report: figures written out by hand below (consistent: every column
/// balances, every total is the sum of its parts), rendered with the spec's labels in the layouts
/// scraped reports come in. The expected reading of every layout is <see cref="Cells"/>.
/// </summary>
public sealed class HandMadeReport
{
    // Rows of table 三 (2021), columns 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
    private static readonly (string Row, int[] Values)[] Applications2021 =
    [
        ("new",                                     [30, 4, 1, 0, 2, 2, 39]),
        ("carried_over",                            [3, 1, 0, 0, 0, 0, 4]),
        ("result.granted",                          [12, 1, 1, 0, 0, 0, 14]),
        ("result.partial",                          [3, 1, 0, 0, 0, 0, 4]),
        ("result.withheld.state_secret",            [1, 0, 0, 0, 0, 0, 1]),
        ("result.withheld.law_prohibited",          [1, 0, 0, 0, 0, 0, 1]),
        ("result.withheld.security_stability",      [1, 0, 0, 0, 0, 0, 1]),
        ("result.withheld.third_party",             [1, 1, 0, 0, 0, 0, 2]),
        ("result.withheld.internal_affairs",        [1, 0, 0, 0, 0, 0, 1]),
        ("result.withheld.process_info",            [1, 0, 0, 0, 0, 0, 1]),
        ("result.withheld.enforcement_file",        [1, 0, 0, 0, 0, 0, 1]),
        ("result.withheld.admin_query",             [1, 0, 0, 0, 0, 0, 1]),
        ("result.unable.not_held",                  [2, 0, 0, 0, 1, 0, 3]),
        ("result.unable.needs_creation",            [1, 0, 0, 0, 0, 0, 1]),
        ("result.unable.still_unclear",             [1, 0, 0, 0, 0, 0, 1]),
        ("result.not_processed.petition",           [1, 0, 0, 0, 0, 0, 1]),
        ("result.not_processed.repeat",             [1, 0, 0, 0, 0, 0, 1]),
        ("result.not_processed.publication",        [0, 1, 0, 0, 0, 0, 1]),
        ("result.not_processed.excessive",          [0, 0, 0, 0, 0, 1, 1]),
        ("result.not_processed.confirm_or_reissue", [1, 0, 0, 0, 0, 0, 1]),
        ("result.other.no_correction",              [1, 0, 0, 0, 0, 0, 1]),
        ("result.other.fee_unpaid",                 [0, 1, 0, 0, 0, 0, 1]),
        ("result.other.other",                      [0, 0, 0, 0, 0, 1, 1]),
        ("result.total",                            [31, 5, 1, 0, 1, 2, 40]),
        ("carry_forward",                           [2, 0, 0, 0, 1, 0, 3]),
    ];

    // The 2019 format has one 其他处理 row: the three sub-rows above, added by hand.
    private static readonly int[] OtherTotal2019 = [1, 1, 0, 0, 0, 1, 3];

    private static readonly (string Key, string Value)[] Proactive2021 =
    [
        ("regulations.issued", "1"), ("regulations.repealed", "0"), ("regulations.in_force", "12"),
        ("normative_docs.issued", "5"), ("normative_docs.repealed", "2"), ("normative_docs.in_force", "48"),
        ("licensing.decisions", "1234"), ("penalty.decisions", "567"), ("coercion.decisions", "8"),
        ("admin_fees.amount_10k_cny", "12.5"),
    ];

    private static readonly (string Key, string Value)[] Proactive2019 =
    [
        ("regulations.new_made", "1"), ("regulations.new_published", "1"), ("regulations.total_published", "12"),
        ("normative_docs.new_made", "5"), ("normative_docs.new_published", "5"), ("normative_docs.total_published", "48"),
        ("licensing.prev_year_items", "100"), ("licensing.change", "3"), ("licensing.decisions", "1234"),
        ("other_external_services.prev_year_items", "50"), ("other_external_services.change", "-2"), ("other_external_services.decisions", "321"),
        ("penalty.prev_year_items", "80"), ("penalty.change", "0"), ("penalty.decisions", "567"),
        ("coercion.prev_year_items", "10"), ("coercion.change", "-1"), ("coercion.decisions", "8"),
        ("admin_fees.prev_year_items", "20"), ("admin_fees.change", "-3"),
        ("central_procurement.projects", "6"), ("central_procurement.total_amount", "150"),
    ];

    // Table 四: 行政复议 (维持, 纠正, 其他, 未审结, 总计), then 直接起诉 and 复议后起诉 in the same order.
    private static readonly int[] Appeals = [2, 1, 0, 1, 4, 1, 0, 1, 0, 2, 0, 1, 0, 0, 1];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public HandMadeReport(ReportFormat format, string agency = "青山县人民政府", int year = 2022)
    {
        Format = format;
        Agency = agency;
        Year = year;
        Definition = ReportFormats.For(format);
        foreach (var (key, value) in format == ReportFormat.V2021 ? Proactive2021 : Proactive2019) _values[$"proactive.{key}"] = value;
        var columns = ReportKeys.Columns;
        foreach (var (row, values) in Applications2021)
        {
            if (format == ReportFormat.V2019 && row.StartsWith("result.other.", StringComparison.Ordinal)) continue;
            for (var c = 0; c < columns.Count; c++) _values[ReportKeys.ApplicationCell(row, columns[c])] = values[c].ToString(CultureInfo.InvariantCulture);
        }
        if (format == ReportFormat.V2019)
        {
            for (var c = 0; c < columns.Count; c++) _values[ReportKeys.ApplicationCell("result.other.total", columns[c])] = OtherTotal2019[c].ToString(CultureInfo.InvariantCulture);
        }
        var appealColumns = Definition.FindTable("四")!.Parts[0].Columns;
        for (var i = 0; i < appealColumns.Count; i++) _values[appealColumns[i].Key] = Appeals[i].ToString(CultureInfo.InvariantCulture);
        Narrative = "本年共收到政府信息公开申请39件，全年办结申请共40件，其中予以公开14件，占35%；部分公开4件，占10%。";
    }

    public ReportFormat Format { get; }
    public string Agency { get; }
    public int Year { get; }
    public ReportFormatDefinition Definition { get; }

    /// <summary>Sentences of section 一; change them to plant a narrative contradiction.</summary>
    public string Narrative { get; set; }

    public IReadOnlyDictionary<string, decimal> Cells =>
        _values.ToDictionary(kv => kv.Key, kv => decimal.Parse(kv.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>Overwrites one cell, to plant a table contradiction.</summary>
    public HandMadeReport With(string key, decimal value)
    {
        Assert.True(_values.ContainsKey(key), $"no cell {key}");
        _values[key] = value.ToString(CultureInfo.InvariantCulture);
        return this;
    }

    public string Render(Layout layout) => layout switch
    {
        Layout.Html => RenderHtml(),
        Layout.Traditional => Traditionalize(RenderLines(Layout.OneCellPerLine)),
        Layout.FullWidthDigits => FullWidth(RenderLines(Layout.OneCellPerLine)),
        _ => RenderLines(layout),
    };

    private string RenderLines(Layout layout)
    {
        var sb = new StringBuilder();
        sb.AppendLine("首页 > 政府信息公开 > 年度报告").AppendLine("【字体：大 中 小】 打印本页 分享到：微信 微博");
        sb.AppendLine($"{Agency}{Year}年政府信息公开工作年度报告").AppendLine();
        sb.AppendLine("一、总体情况").AppendLine(Narrative).AppendLine();
        foreach (var table in Definition.Tables)
        {
            sb.AppendLine(SectionHeading(table.Number));
            if (table.Note is not null) sb.AppendLine(table.Note);
            var rows = RowsOf(table);
            if (layout == Layout.RunTogether)
            {
                sb.AppendLine(string.Join(" ", rows.SelectMany(r => r.Headings.Append(r.Label).Concat(r.Values))));
                continue;
            }
            foreach (var (headings, label, values) in rows)
            {
                foreach (var heading in headings) sb.AppendLine(heading);
                switch (layout)
                {
                    case Layout.Tabs:
                        sb.AppendLine(string.Join('\t', values.Prepend(label)));
                        break;
                    case Layout.Pipes:
                        sb.AppendLine($"| {string.Join(" | ", values.Prepend(label))} |");
                        break;
                    default:
                        sb.AppendLine(label).AppendLine();
                        foreach (var v in values) sb.AppendLine(v).AppendLine();
                        break;
                }
            }
            sb.AppendLine();
        }
        sb.AppendLine("五、存在的主要问题及改进情况").AppendLine("依申请公开答复的规范性有待提高。").AppendLine();
        sb.AppendLine("六、其他需要报告的事项").AppendLine("本年度未收取信息处理费。").AppendLine();
        sb.AppendLine("扫一扫在手机打开当前页").AppendLine("网站地图 | 联系我们");
        return sb.ToString();
    }

    /// <summary>Rows of a table as rendered: headings to print first, the row label, the values.</summary>
    private List<(List<string> Headings, string Label, List<string> Values)> RowsOf(ReportTable table)
    {
        var rows = new List<(List<string>, string, List<string>)>();
        var printed = new HashSet<string>();
        foreach (var part in table.Parts)
        {
            var headings = new List<string>();
            if (part.Caption is not null) headings.Add(part.Caption);
            if (table.Number == "四")
            {
                headings.AddRange(["行政复议", "行政诉讼"]);
                headings.AddRange(part.Columns.Select(c => c.Label).Take(5));
                headings.AddRange(["未经复议直接起诉", "复议后起诉"]);
                headings.AddRange(part.Columns.Select(c => c.Label).Skip(5));
                rows.Add((headings, "", [.. part.Columns.Select(c => _values[c.Key])]));
                continue;
            }
            headings.Add("信息内容");
            headings.AddRange(part.Columns.Select(c => c.Label).Where(l => l.Length > 0));
            foreach (var row in part.Rows)
            {
                foreach (var heading in row.Labels.Take(row.Labels.Count - 1))
                {
                    if (printed.Add(heading)) headings.Add(heading);
                }
                var values = part.Columns.Select(c => _values[ReportTablePart.ComposeKey(part.KeyPrefix, row.Key, c.Key)]).ToList();
                rows.Add((headings, row.Label, values));
                headings = [];
            }
        }
        return rows;
    }

    private string RenderHtml()
    {
        var sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title><script>var share = 1;</script></head><body>\n");
        sb.Append("<div class=\"nav\"><a href=\"/\">首页</a> &gt; 政府信息公开</div>\n");
        sb.Append($"<h1>{Agency}{Year}年政府信息公开工作年度报告</h1>\n<p>一、总体情况</p>\n<p>{WebUtility.HtmlEncode(Narrative)}</p>\n");
        foreach (var table in Definition.Tables)
        {
            sb.Append($"<p><strong>{SectionHeading(table.Number)}</strong></p>\n<table border=\"1\">\n");
            if (table.Note is not null) sb.Append($"<tr><td colspan=\"8\">{table.Note}</td></tr>\n");
            foreach (var (headings, label, values) in RowsOf(table))
            {
                // Group headings become rowspan cells at the start of the row, as on real portals.
                var cells = headings.Where(h => !h.StartsWith("第二十条", StringComparison.Ordinal)).ToList();
                foreach (var caption in headings.Where(h => h.StartsWith("第二十条", StringComparison.Ordinal)))
                {
                    sb.Append($"<tr><td colspan=\"4\">{caption}</td></tr>\n");
                }
                var groupCells = cells.Where(h => h.StartsWith("三、", StringComparison.Ordinal) || h.StartsWith("（", StringComparison.Ordinal)).ToList();
                var headerCells = cells.Where(h => !groupCells.Contains(h)).ToList();
                if (headerCells.Count > 0) sb.Append("<tr>").Append(string.Concat(headerCells.Select(h => $"<th>{h}</th>"))).Append("</tr>\n");
                sb.Append("<tr>");
                foreach (var g in groupCells) sb.Append($"<td rowspan=\"3\">{g}</td>");
                if (label.Length > 0) sb.Append($"<td colspan=\"2\"><p>{label}</p></td>");
                foreach (var v in values) sb.Append($"<td> {v} </td>");
                sb.Append("</tr>\n");
            }
            sb.Append("</table>\n");
        }
        sb.Append("<p>五、存在的主要问题及改进情况</p><p>依申请公开答复的规范性有待提高。</p>\n<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>\n");
        sb.Append("<div class=\"share\">分享到：<span>微信</span><span>微博</span></div><div>扫一扫在手机打开当前页</div></body></html>\n");
        return sb.ToString();
    }

    private string SectionHeading(string tableNumber) =>
        tableNumber + "、" + Definition.Sections.Single(s => s.Number == tableNumber).Heading;

    private static string FullWidth(string text) =>
        new([.. text.Select(c => c is >= '0' and <= '9' ? (char)(c + 0xFEE0) : c)]);

    // Simplified → traditional for the characters of our labels and prose (test data only).
    private const string Pairs =
        "开開请請数數结結转轉办辦处處区區计計这這属屬国國规規稳穩护護权權类類务務过過执執询詢项項无無关關现現补補后後确確访訪举舉报報诉訴" +
        "复複当當认認获獲缴繳费費继繼续續总總议議讼訟维維纠糾审審经經况況门門单單况況县縣政政级級许許罚罰强強规規们們录錄东東动動" +
        "发發废廢现現处處条條内內签簽体體页頁图圖联聯系係网網站站扫掃机機当當";

    private static string Traditionalize(string text)
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2) map.TryAdd(Pairs[i], Pairs[i + 1]);
        return new string([.. text.Select(c => map.GetValueOrDefault(c, c))]);
    }
}
