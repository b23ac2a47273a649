using Gongkai.Common;
using Gongkai.ReportReading;
using Gongkai.Reporting;

namespace Gongkai.Core.Tests.ReportReading;

public class HandMadeReportsTests
{
    public static TheoryData<ReportFormat, Layout> Everything()
    {
        var data = new TheoryData<ReportFormat, Layout>();
        foreach (var format in new[] { ReportFormat.V2019, ReportFormat.V2021 })
        {
            foreach (var layout in Enum.GetValues<Layout>()) data.Add(format, layout);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Everything))]
    public void A_consistent_report_is_read_completely_and_has_no_findings(ReportFormat format, Layout layout)
    {
        var report = new HandMadeReport(format);

        var result = ReadReport.Read(report.Render(layout));

        Assert.Equal(format, result.Format);
        Assert.Equal("青山县人民政府", result.Agency);
        Assert.Equal(2022, result.Year);
        var expected = report.Cells;
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), result.CellMap.Keys.Where(k => expected.ContainsKey(k)).Order(StringComparer.Ordinal));
        foreach (var (key, value) in expected) Assert.True(value == result.CellMap[key], $"{key}: expected {value}, read {result.CellMap[key]}");
        Assert.Empty(result.Unplaced);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Every_cell_of_both_formats_is_covered_by_the_hand_made_figures()
    {
        foreach (var format in new[] { ReportFormat.V2019, ReportFormat.V2021 })
        {
            var cells = new HandMadeReport(format).Cells;
            Assert.Equal(ReportFormats.For(format).Cells.Select(c => c.Key).Order(StringComparer.Ordinal), cells.Keys.Order(StringComparer.Ordinal));
        }
        // Every leaf row carries a non-zero 总计 so a misplaced row cannot hide.
        var v2021 = new HandMadeReport(ReportFormat.V2021).Cells;
        Assert.All(ReportKeys.Leaves, leaf => Assert.NotEqual(0m, v2021[ReportKeys.ApplicationCell(leaf, ApplicantColumn.Total)]));
    }

    [Theory]
    [InlineData(ReportFormat.V2019)]
    [InlineData(ReportFormat.V2021)]
    public void Simplified_traditional_text_and_html_forms_give_the_same_figures(ReportFormat format)
    {
        var report = new HandMadeReport(format);
        var traditional = report.Render(Layout.Traditional);
        Assert.True(ChineseScript.HasTraditional(traditional));

        var forms = new[] { Layout.OneCellPerLine, Layout.Traditional, Layout.Html, Layout.Tabs }
            .Select(l => ReadReport.Read(report.Render(l)).CellMap)
            .ToList();

        foreach (var form in forms.Skip(1))
        {
            Assert.Equal(forms[0].OrderBy(kv => kv.Key, StringComparer.Ordinal), form.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData(Layout.OneCellPerLine)]
    [InlineData(Layout.Html)]
    [InlineData(Layout.Pipes)]
    public void A_changed_new_request_count_breaks_its_column_and_its_row(Layout layout)
    {
        var report = new HandMadeReport(ReportFormat.V2021).With("applications.new.natural_person", 31);

        var findings = ReadReport.Read(report.Render(layout)).Findings;

        var balance = Assert.Single(findings, f => f.Rule == ConsistencyRules.ApplicationsBalance);
        Assert.Equal(31m, balance.Cells["applications.new.natural_person"]);
        Assert.Contains("自然人", balance.Message);
        var row = Assert.Single(findings, f => f.Rule == ConsistencyRules.ApplicationsTotalColumn);
        Assert.Equal(39m, row.Cells["applications.new.total"]);
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void A_wrong_result_total_is_caught_by_the_balance_the_leaf_sum_and_the_row_sum()
    {
        var report = new HandMadeReport(ReportFormat.V2019).With("applications.result.total.total", 41);

        var rules = ReadReport.Read(report.Render(Layout.Tabs)).Findings.Select(f => f.Rule).Order().ToList();

        Assert.Equal(
            [ConsistencyRules.ApplicationsBalance, ConsistencyRules.ApplicationsResultTotal, ConsistencyRules.ApplicationsTotalColumn],
            rules);
    }

    [Fact]
    public void A_wrong_review_total_is_caught()
    {
        var report = new HandMadeReport(ReportFormat.V2021).With("review.total", 5);

        var finding = Assert.Single(ReadReport.Read(report.Render(Layout.Html)).Findings);

        Assert.Equal(ConsistencyRules.AppealsTotal, finding.Rule);
        Assert.Equal(5m, finding.Cells["review.total"]);
        Assert.Contains("行政复议", finding.Message);
    }

    [Fact]
    public void A_narrative_count_that_differs_from_the_table_is_caught()
    {
        var report = new HandMadeReport(ReportFormat.V2021)
        {
            Narrative = "本年共收到政府信息公开申请38件，全年办结申请共40件，其中予以公开14件，占35%。",
        };

        var finding = Assert.Single(ReadReport.Read(report.Render(Layout.OneCellPerLine)).Findings);

        Assert.Equal(ReadReport.NarrativeVsTableRule, finding.Rule);
        Assert.Equal(39m, finding.Cells["applications.new.total"]);
        Assert.Contains(38m, finding.Cells.Values);
    }

    [Fact]
    public void A_share_that_does_not_match_its_count_is_caught()
    {
        var report = new HandMadeReport(ReportFormat.V2021)
        {
            Narrative = "本年共收到政府信息公开申请39件，全年办结申请共40件，其中予以公开14件，占38%。",
        };

        var finding = Assert.Single(ReadReport.Read(report.Render(Layout.Tabs)).Findings);

        Assert.Equal(TextChecks.PercentageRule, finding.Rule);
        Assert.Contains("35%", finding.Message);
        Assert.Contains("38%", finding.Message);
    }

    [Fact]
    public void Html_with_empty_cells_reads_them_as_blank_not_as_zero()
    {
        var html = new HandMadeReport(ReportFormat.V2021).Render(Layout.Html).Replace("<td> 0 </td>", "<td></td>");

        var result = ReadReport.Read(html);

        Assert.False(result.CellMap.ContainsKey("applications.new.legal_person.public_welfare"));
        Assert.Equal(30m, result.CellMap["applications.new.natural_person"]);
        Assert.Equal(39m, result.CellMap["applications.new.total"]);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Reading_is_deterministic()
    {
        var text = new HandMadeReport(ReportFormat.V2021).Render(Layout.Html);
        var first = ReadReport.Read(text);
        var second = ReadReport.Read(text);
        Assert.Equal(first.Cells, second.Cells);
        Assert.Equal(first.Findings.Select(f => f.Message), second.Findings.Select(f => f.Message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("今天天气很好，我们去公园散步。")]
    public void Text_that_is_not_a_report_is_refused_with_a_chinese_reason(string text)
    {
        var result = ReadReport.Read(text);
        Assert.False(result.IsReport);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", result.Problem);
        Assert.Empty(result.Cells);
    }
}
