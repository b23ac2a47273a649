using System.Globalization;

namespace Gongkai.Reporting;

/// <summary>
/// The first draft of sections 一, 五 and 六, written from the figures (totals, shares, change
/// against last year) for staff to rewrite. Markdown, plain sentences.
/// </summary>
public static class NarrativeDraft
{
    public static IReadOnlyDictionary<NarrativeSection, string> Write(ReportAgency agency, ReportFigures figures, ReportFigures? previous)
    {
        var y = figures.Year;
        var legacy = figures.Format == ReportFormat.Legacy;
        decimal Cell(ReportFigures f, string key) => f.Get(key);
        var newKey = legacy ? "legacy.applications.total" : ReportKeys.ApplicationCell("new", ApplicantColumn.Total);
        var received = Cell(figures, newKey);
        var overview = new List<string>
        {
            $"{y}年，{agency.Name}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持“以公开为常态、不公开为例外”，"
            + "扎实做好主动公开、依申请公开、政府信息管理、平台建设和监督保障各项工作。",
        };
        if (!legacy)
        {
            var issued = Cell(figures, figures.Format == ReportFormat.V2021 ? "proactive.normative_docs.issued" : "proactive.normative_docs.new_made");
            overview.Add($"**主动公开。** 全年制发行政规范性文件{N(issued)}件，作出行政许可决定{N(Cell(figures, "proactive.licensing.decisions"))}件、"
                + $"行政处罚决定{N(Cell(figures, "proactive.penalty.decisions"))}件、行政强制决定{N(Cell(figures, "proactive.coercion.decisions"))}件。");
            var carried = Cell(figures, ReportKeys.ApplicationCell("carried_over", ApplicantColumn.Total));
            var decided = Cell(figures, ReportKeys.ApplicationCell("result.total", ApplicantColumn.Total));
            var forward = Cell(figures, ReportKeys.ApplicationCell("carry_forward", ApplicantColumn.Total));
            var granted = Cell(figures, ReportKeys.ApplicationCell("result.granted", ApplicantColumn.Total))
                + Cell(figures, ReportKeys.ApplicationCell("result.partial", ApplicantColumn.Total));
            var sentence = $"**依申请公开。** 全年新收政府信息公开申请{N(received)}件{Change(received, previous is null ? null : Cell(previous, newKey))}，"
                + $"上年结转{N(carried)}件；办结{N(decided)}件，其中予以公开和部分公开{N(granted)}件（占{Share(granted, decided)}），"
                + $"结转下年度继续办理{N(forward)}件。";
            overview.Add(sentence);
            var natural = Cell(figures, ReportKeys.ApplicationCell("new", ApplicantColumn.NaturalPerson));
            if (received > 0) overview.Add($"新收申请中，自然人提出{N(natural)}件（占{Share(natural, received)}），法人或其他组织提出{N(received - natural)}件。");
            var reviews = Cell(figures, "review.total");
            var suits = Cell(figures, "litigation.direct.total") + Cell(figures, "litigation.after_review.total");
            overview.Add($"**监督保障。** 全年因政府信息公开工作被申请行政复议{N(reviews)}件、提起行政诉讼{N(suits)}件，"
                + $"其中结果被纠正{N(Cell(figures, "review.corrected") + Cell(figures, "litigation.direct.corrected") + Cell(figures, "litigation.after_review.corrected"))}件。");
        }
        else overview.Add($"全年受理政府信息公开申请{N(received)}件，答复{N(Cell(figures, "legacy.responses.total"))}件。");

        var problems = "（请结合本年工作如实填写存在的主要问题及改进措施，不宜泛化。）\n\n"
            + "1. 存在的问题：……\n2. 改进措施：……";
        var fee = figures.Extras.GetValueOrDefault("other.info_processing_fee_collected_cny");
        var other = fee is null
            ? "本年度未收取信息处理费。（如有收取，请在“记录数字”中填写实际收取金额。）"
            : $"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度实际收取信息处理费共计{N(fee.Value)}元。";
        return new Dictionary<NarrativeSection, string>
        {
            [NarrativeSection.overview] = string.Join("\n\n", overview),
            [NarrativeSection.problems] = problems,
            [NarrativeSection.other] = other,
        };
    }

    private static string N(decimal v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Share(decimal part, decimal whole) =>
        whole == 0 ? "0%" : (part / whole).ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Change(decimal now, decimal? before) => before switch
    {
        null => "",
        0 => now == 0 ? "，与上年持平" : "",
        var b when now == b => "，与上年持平",
        var b => $"，比上年{(now > b ? "增加" : "减少")}{N(Math.Abs(now - b.Value))}件（{(now > b ? "+" : "-")}{(Math.Abs(now - b.Value) / b.Value).ToString("0.0%", CultureInfo.InvariantCulture)}）",
    };
}
