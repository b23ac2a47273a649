using Gongkai.Reporting;

namespace Gongkai.Core.Tests.Reporting;

public class ReportFormatsTests
{
    [Fact]
    public void Table_three_of_2021_has_25_rows_by_7_columns()
    {
        var cells = ReportFormats.V2021.Cells.Where(c => c.TableNumber == "三").ToList();
        Assert.Equal(175, cells.Count);
        Assert.Contains(cells, c => c.Key == "applications.result.withheld.state_secret.legal_person.research");
        Assert.Contains(cells, c => c.Key == "applications.carry_forward.total");
    }

    [Fact]
    public void Table_three_of_2019_has_a_single_other_handling_row()
    {
        var rows = ReportFormats.V2019.FindTable("三")!.Parts[0].Rows.Select(r => r.Key).ToList();
        Assert.Equal(23, rows.Count);
        Assert.Contains("result.other.total", rows);
        Assert.DoesNotContain("result.other.no_correction", rows);
    }

    [Fact]
    public void The_21_leaf_enum_names_map_to_the_spec_keys_and_back()
    {
        Assert.Equal(21, ReportKeys.Leaves.Count);
        Assert.Equal("result.granted", ResultLeaf.Granted.Key());
        Assert.Equal("result.withheld.security_stability", ResultLeaf.WithheldSecurityStability.Key());
        Assert.Equal("result.other.other", ResultLeaf.OtherOther.Key());
        foreach (var leaf in ReportKeys.Leaves)
        {
            Assert.True(ReportKeys.TryParseLeaf(leaf.Key(), out var parsed));
            Assert.Equal(leaf, parsed);
            Assert.NotNull(ReportFormats.V2021.FindCell(ReportKeys.ApplicationCell(leaf, ApplicantColumn.Total)));
        }
        Assert.False(ReportKeys.TryParseLeaf("result.total", out _));
    }

    [Fact]
    public void Applicant_columns_map_to_the_spec_keys_in_table_order()
    {
        Assert.Equal(
            ["natural_person", "legal_person.commercial", "legal_person.research", "legal_person.public_welfare", "legal_person.legal_service", "legal_person.other", "total"],
            ReportKeys.Columns.Select(c => c.Key()));
        Assert.True(ReportKeys.TryParseColumn("legal_person.legal_service", out var column));
        Assert.Equal(ApplicantColumn.LegalPersonLegalService, column);
        Assert.Equal(6, ReportKeys.ApplicantParts.Count);
    }

    [Theory]
    [InlineData("legacy", ReportFormat.Legacy)]
    [InlineData("v2019", ReportFormat.V2019)]
    [InlineData("v2021", ReportFormat.V2021)]
    public void Format_keys_round_trip(string key, ReportFormat format)
    {
        Assert.Equal(key, format.Key());
        Assert.True(ReportKeys.TryParseFormat(key, out var parsed));
        Assert.Equal(format, parsed);
    }

    [Fact]
    public void Table_two_differs_between_2019_and_2021_as_the_spec_says()
    {
        Assert.NotNull(ReportFormats.V2021.FindCell("proactive.admin_fees.amount_10k_cny"));
        Assert.Null(ReportFormats.V2021.FindCell("proactive.central_procurement.projects"));
        Assert.NotNull(ReportFormats.V2019.FindCell("proactive.central_procurement.total_amount"));
        Assert.NotNull(ReportFormats.V2019.FindCell("proactive.other_external_services.change"));
        Assert.Equal("万元", ReportFormats.V2021.FindCell("proactive.admin_fees.amount_10k_cny")!.Unit);
        Assert.Equal(10, ReportFormats.V2021.Cells.Count(c => c.TableNumber == "二"));
        Assert.Equal(22, ReportFormats.V2019.Cells.Count(c => c.TableNumber == "二"));
    }

    [Fact]
    public void Table_four_has_fifteen_cells_in_both_formats()
    {
        string[] keys = [.. ReportFormats.V2021.Cells.Where(c => c.TableNumber == "四").Select(c => c.Key)];
        Assert.Equal(15, keys.Length);
        Assert.Equal("review.upheld", keys[0]);
        Assert.Equal("litigation.after_review.total", keys[^1]);
        Assert.Equal(keys, ReportFormats.V2019.Cells.Where(c => c.TableNumber == "四").Select(c => c.Key));
    }

    [Fact]
    public void Labels_are_the_verbatim_spec_labels()
    {
        var partial = ReportFormats.V2021.FindCell("applications.result.partial.total")!;
        Assert.Equal("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", partial.Row.Label);
        Assert.Equal(["三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”"], ReportFormats.V2021.FindCell("applications.result.withheld.security_stability.natural_person")!.Row.Labels);
        Assert.Equal(["法人或其他组织", "科研机构"], ReportFormats.V2021.FindCell("applications.new.legal_person.research")!.Column.Labels);
        Assert.Equal(6, ReportFormats.V2021.Sections.Count);
        Assert.Equal("收到和处理政府信息公开申请情况", ReportFormats.V2021.Sections[2].Heading);
    }

    [Fact]
    public void Legacy_keys_stay_in_the_legacy_namespace_and_extensions_are_marked()
    {
        Assert.All(ReportFormats.Legacy.Cells, c => Assert.StartsWith("legacy.", c.Key));
        Assert.True(ReportFormats.Legacy.FindCell("legacy.staff.total")!.IsExtension);
        Assert.False(ReportFormats.Legacy.FindCell("legacy.applications.total")!.IsExtension);
        Assert.NotNull(ReportFormats.Legacy.FindCell("legacy.responses.denied.exempt_5"));
    }
}
