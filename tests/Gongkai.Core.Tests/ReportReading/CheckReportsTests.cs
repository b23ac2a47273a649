using Gongkai.ReportReading;
using Gongkai.Reporting;

namespace Gongkai.Core.Tests.ReportReading;

public class CheckReportsTests
{
    private static ReportReadResult Read(HandMadeReport report, Layout layout = Layout.Tabs) => ReadReport.Read(report.Render(layout));

    [Fact]
    public void Carry_over_between_consecutive_years_is_checked_on_the_later_report()
    {
        // The hand-made report carries 3 forward (2 自然人, 1 法律服务机构) but took over 4 (3 自然人, 1 商业企业).
        var earlier = Read(new HandMadeReport(ReportFormat.V2021, year: 2021));
        var later = Read(new HandMadeReport(ReportFormat.V2021, year: 2022));

        var checkedReports = CheckReports.Across([later, earlier]);

        Assert.Empty(checkedReports[1].Findings);
        var warnings = checkedReports[0].Findings;
        Assert.Equal(4, warnings.Count);
        Assert.All(warnings, f => Assert.Equal(ConsistencyRules.CarryOverContinuity, f.Rule));
        Assert.All(warnings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        Assert.Contains(warnings, f => f.Cells.GetValueOrDefault("applications.carried_over.total") == 4 && f.Cells.GetValueOrDefault("previous:applications.carry_forward.total") == 3);
    }

    [Fact]
    public void Matching_carry_over_gives_no_warning_and_other_agencies_are_not_compared()
    {
        var earlier = new HandMadeReport(ReportFormat.V2021, year: 2021) { Narrative = "" };
        foreach (var column in ReportKeys.Columns)
        {
            earlier.With(ReportKeys.ApplicationCell("carry_forward", column), earlier.Cells[ReportKeys.ApplicationCell("carried_over", column)]);
            // Keep the earlier report balanced: what is carried forward was not decided.
            earlier.With(ReportKeys.ApplicationCell("new", column),
                earlier.Cells[ReportKeys.ApplicationCell("new", column)] + earlier.Cells[ReportKeys.ApplicationCell("carried_over", column)]
                - new HandMadeReport(ReportFormat.V2021).Cells[ReportKeys.ApplicationCell("carry_forward", column)]);
        }
        var other = Read(new HandMadeReport(ReportFormat.V2021, agency: "白水县人民政府", year: 2021));

        var result = CheckReports.Across([Read(earlier), Read(new HandMadeReport(ReportFormat.V2021, year: 2022)), other]);

        Assert.All(result, r => Assert.Empty(r.Findings));
    }

    [Fact]
    public void A_government_is_checked_against_the_sum_of_its_departments()
    {
        var child1 = Read(new HandMadeReport(ReportFormat.V2021, agency: "青山县教育局"));
        var child2 = Read(new HandMadeReport(ReportFormat.V2021, agency: "青山县公安局"), Layout.Html);
        var parent = new HandMadeReport(ReportFormat.V2021);
        foreach (var (key, value) in parent.Cells.Where(kv => !kv.Key.StartsWith("proactive.", StringComparison.Ordinal)))
        {
            parent.With(key, value * 2);
        }
        parent.Narrative = "";

        var consistent = CheckReports.Across([Read(parent), child1, child2]);
        Assert.All(consistent, r => Assert.Empty(r.Findings));

        parent.With("applications.new.natural_person", 61).With("applications.carry_forward.natural_person", 5);
        var result = CheckReports.Across([Read(parent), child1, child2]);

        var findings = result[0].Findings.Where(f => f.Rule == ConsistencyRules.ParentEqualsChildren).ToList();
        Assert.Equal(["applications.carry_forward.natural_person", "applications.new.natural_person"], findings.Select(f => f.Cells.Keys.First()).Order());
        Assert.Contains(findings, f => f.Message.Contains("青山县教育局") && f.Message.Contains("青山县公安局"));
        Assert.Empty(result[1].Findings);
    }
}
