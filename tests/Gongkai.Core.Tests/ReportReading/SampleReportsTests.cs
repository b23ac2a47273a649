using Gongkai.ReportReading;
using Gongkai.Reporting;

namespace Gongkai.Core.Tests.ReportReading;

/// <summary>
/// The five real published reports in Samples/. The expected figures were written down by reading
/// each report by hand (line numbers refer to the sample files); they are not the reader's output.
/// </summary>
public class SampleReportsTests
{
    private static ReportReadResult Read(string name) =>
        ReadReport.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ReportReading", "Samples", name)));

    private static void AssertCells(IReadOnlyDictionary<string, decimal> expected, ReportReadResult result)
    {
        foreach (var (key, value) in expected)
        {
            Assert.True(result.CellMap.ContainsKey(key), $"missing {key}");
            Assert.Equal(value, result.CellMap[key]);
        }
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), result.CellMap.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Kaiyang_2019_reads_the_2019_tables_including_negative_changes()
    {
        var result = Read("kaiyang-2019.txt");

        Assert.Equal("开阳县人民政府", result.Agency);
        Assert.Equal(2019, result.Year);
        Assert.Equal(ReportFormat.V2019, result.Format);
        AssertCells(new Dictionary<string, decimal>
        {
            ["proactive.regulations.new_made"] = 0, ["proactive.regulations.new_published"] = 0, ["proactive.regulations.total_published"] = 0,
            ["proactive.normative_docs.new_made"] = 9, ["proactive.normative_docs.new_published"] = 9, ["proactive.normative_docs.total_published"] = 21,
            ["proactive.licensing.prev_year_items"] = 164, ["proactive.licensing.change"] = 18, ["proactive.licensing.decisions"] = 561,
            ["proactive.other_external_services.prev_year_items"] = 396, ["proactive.other_external_services.change"] = -5, ["proactive.other_external_services.decisions"] = 640,
            ["proactive.penalty.prev_year_items"] = 2591, ["proactive.penalty.change"] = -57, ["proactive.penalty.decisions"] = 2661,
            ["proactive.coercion.prev_year_items"] = 147, ["proactive.coercion.change"] = -5, ["proactive.coercion.decisions"] = 143,
            ["proactive.admin_fees.prev_year_items"] = 43, ["proactive.admin_fees.change"] = 41,
            ["proactive.central_procurement.projects"] = 15, ["proactive.central_procurement.total_amount"] = 1379,
            // Table 三 lost its empty cells when scraped: only the 总计 column can be placed with certainty.
            ["applications.new.total"] = 10,
            ["applications.result.granted.total"] = 8,
            ["applications.result.withheld.internal_affairs.total"] = 2,
            ["applications.result.total.total"] = 10,
        }, result);
    }

    [Fact]
    public void Kaiyang_2019_keeps_the_numbers_whose_applicant_column_was_lost_as_unplaced()
    {
        var result = Read("kaiyang-2019.txt");

        // 9 and 1 (新收), 7 and 1 (予以公开), 2 (三类内部事务), 9 and 1 (总计): the row's other cells vanished.
        Assert.Equal([9m, 1m, 7m, 1m, 2m, 9m, 1m], result.Unplaced.Select(u => u.Value));
        Assert.Equal([211, 213, 223, 225, 243, 277, 279], result.Unplaced.Select(u => u.Source.Line));
    }

    [Fact]
    public void Kaiyang_2019_is_consistent_in_its_tables_and_its_prose()
    {
        // 10 applications = 8 granted + 2 withheld (table and "同意公开答复8件，不予公开2件");
        // 2 of 10 = 20%, 8 of 10 = 80%; 18/135 = 13.33% … 46/135 = 34.07%.
        Assert.Empty(Read("kaiyang-2019.txt").Findings);
    }

    [Fact]
    public void Jinshi_2012_reads_the_flattened_statistics_table()
    {
        var result = Read("jinshi-2012.txt");

        Assert.Equal("津市市人民政府", result.Agency);
        Assert.Equal(2012, result.Year);
        Assert.Equal(ReportFormat.Legacy, result.Format);
        AssertCells(new Dictionary<string, decimal>
        {
            ["legacy.proactive.total"] = 3700,
            ["legacy.proactive.full_text_electronic"] = 2400,
            ["legacy.proactive.normative_docs"] = 27,
            ["legacy.applications.total"] = 42,
            ["legacy.applications.by_channel.in_person"] = 5,
            ["legacy.applications.by_channel.fax"] = 2,
            ["legacy.applications.by_channel.online"] = 35,
            ["legacy.responses.total"] = 42,
            ["legacy.responses.granted"] = 39,
            ["legacy.responses.denied.unclear"] = 2,
            ["legacy.responses.denied.exempt_5"] = 1,
            ["legacy.consultations.online"] = 9700,
            ["legacy.consultations.in_person"] = 9000,
            ["legacy.consultations.phone"] = 4300,
            ["legacy.proactive.page_views"] = 542000,
            ["legacy.staff.total"] = 78,
            ["legacy.staff.full_time"] = 8,
            ["legacy.staff.part_time"] = 70,
            ["legacy.budget.special_funds"] = 3,
            ["legacy.budget.actual_expenditure"] = 3,
        }, result);
        // 受理申请数 is on line 122, its 42 on line 124.
        Assert.Equal(124, result.Cells.Single(c => c.Key == "legacy.applications.total").Source.Line);
        // 依申请公开信息目录数 42 and 提供服务类信息数 23000 have no key in the spec.
        Assert.Equal([42m, 23000m], result.Unplaced.Select(u => u.Value));
    }

    [Fact]
    public void Jinshi_2012_shares_of_replies_do_not_match_their_counts()
    {
        var shares = Read("jinshi-2012.txt").Findings.Where(f => f.Rule == "text.percentage").ToList();

        // 39/42 = 92.9% (says 91%), 2/42 = 4.8% (says 6%), 1/42 = 2.4% (says 3%).
        Assert.Equal(3, shares.Count);
        Assert.Equal([91m, 6m, 3m], shares.Select(f => f.Cells.Single(c => c.Key.EndsWith(".percent")).Value!.Value));
        Assert.Equal([39m, 2m, 1m], shares.Select(f => f.Cells.Single(c => c.Key.EndsWith(".count")).Value!.Value));
        Assert.All(shares, f => Assert.Equal(42m, f.Cells.Single(c => c.Key.EndsWith(".total")).Value));
    }

    [Fact]
    public void Jinshi_2012_prose_contradicts_its_statistics_table()
    {
        var findings = Read("jinshi-2012.txt").Findings.Where(f => f.Rule == ReadReport.NarrativeVsTableRule).ToList();

        // "配备了2名全职工作人员" vs 全职人员数 8; "没有发生…实际支出" vs 实际支出 3 万元;
        // "“不予公开”的1件" vs 不予公开数 left empty.
        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => f.Cells.GetValueOrDefault("legacy.staff.full_time") == 8 && f.Cells.GetValueOrDefault("text:L18") == 2);
        Assert.Contains(findings, f => f.Cells.GetValueOrDefault("legacy.budget.actual_expenditure") == 3 && f.Cells.GetValueOrDefault("text:L62") == 0);
        Assert.Contains(findings, f => f.Cells.ContainsKey("legacy.responses.denied.total") && f.Cells["legacy.responses.denied.total"] is null && f.Cells.GetValueOrDefault("text:L48") == 1);
    }

    [Fact]
    public void Jinshi_2012_has_no_other_findings()
    {
        // The table's own sums hold: 5+2+35 = 42 channels, 39+2+1 = 42 replies, 8+70 = 78 staff.
        var result = Read("jinshi-2012.txt");
        Assert.Equal(6, result.Findings.Count);
    }

    [Fact]
    public void Changshu_2008_in_traditional_characters_reads_the_request_figures_from_the_prose()
    {
        var result = Read("changshu-2008.txt");

        Assert.Equal("常熟市人民政府", result.Agency);
        Assert.Equal(2008, result.Year);
        Assert.Equal(ReportFormat.Legacy, result.Format);
        AssertCells(new Dictionary<string, decimal>
        {
            ["legacy.applications.total"] = 14671,
            ["legacy.applications.by_channel.in_person"] = 14551,
            ["legacy.applications.by_channel.online"] = 120,
        }, result);
        Assert.All(result.Cells, c => Assert.Equal(CellOrigin.Narrative, c.Origin));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Wuchang_2011_reads_prose_figures_under_catalogue_metadata()
    {
        var result = Read("wuchang-2011.txt");

        Assert.Equal("武昌区人民政府", result.Agency);
        Assert.Equal(2011, result.Year);
        Assert.Equal(ReportFormat.Legacy, result.Format);
        AssertCells(new Dictionary<string, decimal>
        {
            ["legacy.proactive.by_channel.website"] = 13309,
            ["legacy.consultations.online"] = 32956,
            ["legacy.applications.total"] = 7,
            ["legacy.litigation.total"] = 26,
            ["legacy.review.total"] = 12,
        }, result);
        // 3199 of 5845 visitors = 54.7% as stated; 49+8+58+42+42 = 199 items as stated.
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Taierzhuang_2017_reads_the_request_count_and_the_absence_of_fees()
    {
        var result = Read("taierzhuang-2017.txt");

        Assert.Equal("台儿庄区人民政府", result.Agency);
        Assert.Equal(2017, result.Year);
        Assert.Equal(ReportFormat.Legacy, result.Format);
        AssertCells(new Dictionary<string, decimal>
        {
            ["legacy.applications.total"] = 11,
            ["legacy.fees.total"] = 0,
        }, result);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Every_sample_cell_points_at_the_line_that_holds_its_number()
    {
        foreach (var name in new[] { "kaiyang-2019.txt", "jinshi-2012.txt", "changshu-2008.txt", "wuchang-2011.txt", "taierzhuang-2017.txt" })
        {
            var result = Read(name);
            foreach (var cell in result.Cells.Where(c => c.Key != "legacy.fees.total" && c.Key != "legacy.review.total" || c.Value != 0))
            {
                var line = result.Text.Split('\n')[cell.Source.Line - 1];
                var shown = line.Substring(cell.Source.Column - 1, cell.Source.Length);
                Assert.Equal(cell.Value, decimal.Parse(shown.Replace(",", "")));
            }
        }
    }
}
