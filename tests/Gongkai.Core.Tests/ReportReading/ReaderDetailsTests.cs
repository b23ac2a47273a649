using Gongkai.ReportReading;
using Gongkai.Reporting;

namespace Gongkai.Core.Tests.ReportReading;

public class ReaderDetailsTests
{
    [Theory]
    [InlineData("开阳县人民政府2019年政府信息公开工作年度报告", "开阳县人民政府", 2019)]
    [InlineData("2008年常熟市政府信息公開工作年度報告", "常熟市人民政府", 2008)]
    [InlineData("名  称: 2011年度武昌区政府信息公开工作报告 发布机构: 政府信息科", "武昌区人民政府", 2011)]
    [InlineData("台儿庄区2017年度政府信息公开年度报告", "台儿庄区人民政府", 2017)]
    [InlineData("青山县教育局２０２２年度政府信息公开工作年度报告", "青山县教育局", 2022)]
    [InlineData("北京市海淀区人民政府办公室2023年政府信息公开工作年度报告", "北京市海淀区人民政府办公室", 2023)]
    public void Agency_and_year_come_from_the_title(string title, string agency, int year)
    {
        var result = ReadReport.Read($"{title}\n一、总体情况\n本年共收到政府信息公开申请5件。");
        Assert.Equal(agency, result.Agency);
        Assert.Equal(year, result.Year);
    }

    [Fact]
    public void Full_width_digits_and_thousands_separators_are_read_as_numbers()
    {
        var result = ReadReport.Read("某市2012年度政府信息公开工作报告\n全年共受理政府信息公开申请１,２３４件，其中当面申请1,000件，网上申请234件。");
        Assert.Equal(1234m, result["legacy.applications.total"]);
        Assert.Equal(1000m, result["legacy.applications.by_channel.in_person"]);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Parts_that_exceed_their_total_are_found()
    {
        var result = ReadReport.Read("某县2015年度政府信息公开工作报告\n全年主动公开政府信息120条，其中通过网站公开100条，通过公报公开30条。");
        var finding = Assert.Single(result.Findings);
        Assert.Equal(TextChecks.PartsRule, finding.Rule);
        Assert.Contains(130m, finding.Cells.Values);
        Assert.Contains(120m, finding.Cells.Values);
    }

    [Fact]
    public void Approximate_totals_and_parenthesised_sub_counts_are_not_checked()
    {
        var result = ReadReport.Read("某县2015年度政府信息公开工作报告\n共清理信息1300多条，其中部门信息1220多条、本级信息800多条。共公布信息199条。其中：新闻49条（含工作信息30条）、公告8条、其他142条。");
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("共收到申请40件，其中予以公开14件，占35%。", false)]
    [InlineData("共收到申请40件，其中予以公开14件，占比35.0%。", false)]
    [InlineData("共收到申请40件，其中予以公开14件，占36%。", true)]
    [InlineData("共收到申请40件，其中予以公开14件，约占36%。", false)]
    [InlineData("共收到申请40件，其中予以公开14件，约占37%。", true)]
    [InlineData("共收到申请40件，全年分析4次；其中予以公开14件，占35%。", false)]
    public void A_share_is_checked_against_the_nearest_total_of_the_same_unit(string sentence, bool contradicts)
    {
        var result = ReadReport.Read("某县人民政府2022年政府信息公开工作年度报告\n" + sentence);
        Assert.Equal(contradicts, result.Findings.Any(f => f.Rule == TextChecks.PercentageRule));
    }

    [Fact]
    public void A_v2021_table_written_with_pipes_and_blank_cells_keeps_blanks_apart_from_zeros()
    {
        const string text = """
            某县人民政府2022年政府信息公开工作年度报告
            三、收到和处理政府信息公开申请情况
            | 一、本年新收政府信息公开申请数量 | 3 |  |  |  | 1 |  | 4 |
            | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
            | 三、本年度办理结果 | （一）予以公开 | 3 |  |  |  | 1 |  | 4 |
            | （七）总计 | 3 |  |  |  | 1 |  | 4 |
            | 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
            """;
        var result = ReadReport.Read(text);

        Assert.Equal(ReportFormat.V2021, result.Format);
        Assert.Equal(3m, result["applications.new.natural_person"]);
        Assert.Equal(1m, result["applications.new.legal_person.legal_service"]);
        Assert.Null(result["applications.new.legal_person.commercial"]);
        Assert.Equal(0m, result["applications.carried_over.legal_person.commercial"]);
        Assert.Equal(1m, result["applications.result.granted.legal_person.legal_service"]);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_row_whose_count_of_numbers_fits_no_layout_is_left_unplaced()
    {
        const string text = """
            某县人民政府2022年政府信息公开工作年度报告
            一、本年新收政府信息公开申请数量 3 1 2
            二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
            """;
        var result = ReadReport.Read(text);

        Assert.Equal([3m, 1m, 2m], result.Unplaced.Select(u => u.Value));
        Assert.Null(result["applications.new.total"]);
        Assert.Equal(0m, result["applications.carried_over.total"]);
    }
}
