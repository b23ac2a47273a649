using Gongkai.Reporting;
using Gongkai.Requests;

namespace Gongkai.Core.Tests.Requests;

public class RegisterImportTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);
    private const string Header = "received_on,channel,applicant_type,applicant_name,description,result,decided_on,extended\n";

    private static (IReadOnlyList<RegisterRow> Rows, IReadOnlyList<RegisterLineError> Errors) Read(string body) =>
        RegisterImport.Read(new StringReader(Header + body), Today);

    [Fact]
    public void Good_lines_become_typed_rows()
    {
        var (rows, errors) = Read(
            "2024-03-01,online,natural_person,张三,城区道路改造批复,result.partial,2024-03-20,true\n" +
            "2024-12-30,letter,legal_person.commercial,某公司,\"含逗号, 和\"\"引号\"\"的描述\",,,false\n");
        Assert.Empty(errors);
        Assert.Equal(2, rows.Count);
        Assert.Equal(ResultLeaf.Partial, rows[0].ResultLeaf);
        Assert.True(rows[0].Extended);
        Assert.Null(rows[1].ResultLeaf);
        Assert.Equal("含逗号, 和\"引号\"的描述", rows[1].Description);
        Assert.Equal(3, rows[1].Line);
    }

    [Fact]
    public void Every_bad_line_is_listed_by_its_line_number()
    {
        var (_, errors) = Read(
            "2024-03-01,online,natural_person,张三,描述,result.granted,2024-03-05,false\n" +
            "2024-13-01,pigeon,person,,描述,granted,,maybe\n" +
            "2024-03-01,fax,natural_person,李四,描述,,2024-03-05,false\n" +
            "2024-03-10,email,natural_person,王五,描述,result.granted,2024-03-01,false\n");
        Assert.Equal(new[] { 3, 4, 5 }, errors.Select(e => e.Line).ToArray());
        Assert.Contains("received_on", errors[0].Message);
        Assert.Contains("channel", errors[0].Message);
        Assert.Contains("applicant_type", errors[0].Message);
        Assert.Contains("applicant_name", errors[0].Message);
        Assert.Contains("extended", errors[0].Message);
        Assert.Contains("decided_on 应为空", errors[1].Message);
        Assert.Contains("不能早于", errors[2].Message);
    }

    [Fact]
    public void Line_numbers_count_lines_inside_quoted_fields()
    {
        var (_, errors) = Read("2024-03-01,online,natural_person,张三,\"第一行\n第二行\",,,false\n2024-03-01,online,natural_person,,x,,,false\n");
        Assert.Equal(4, Assert.Single(errors).Line);
    }

    [Fact]
    public void A_missing_column_is_reported_on_the_header_line()
    {
        var (rows, errors) = RegisterImport.Read(new StringReader("received_on,channel\n2024-01-01,online\n"), Today);
        Assert.Empty(rows);
        Assert.Equal(1, Assert.Single(errors).Line);
        Assert.Contains("applicant_type", errors[0].Message);
    }

    [Fact]
    public void Dates_in_the_future_and_fee_results_before_2021_are_refused()
    {
        var (_, errors) = Read(
            "2025-07-01,online,natural_person,张三,描述,,,false\n" +
            "2020-06-01,online,natural_person,张三,描述,result.other.fee_unpaid,2020-07-01,false\n");
        Assert.Equal(2, errors.Count);
        Assert.Contains("2021年1月1日", errors[1].Message);
    }

    [Fact]
    public void An_imported_line_replays_as_a_valid_log_with_its_leaf()
    {
        var (rows, _) = Read("2020-03-01,in_person,natural_person,张三,描述,result.other.no_correction,2020-03-25,true\n");
        var history = new RequestHistory((d, n) => d.AddDays(n), rows[0].ToEvents());
        Assert.Equal(RequestStatus.Closed, history.Status);
        Assert.Equal(ResultLeaf.OtherNoCorrection, history.Leaf(new DecisionOptions()));
        Assert.Equal(20, history.ExtensionDays);
    }

    [Fact]
    public void An_imported_open_line_stays_open()
    {
        var (rows, _) = Read("2018-12-28,letter,legal_person.research,某研究所,描述,,,true\n");
        var history = new RequestHistory((d, n) => d.AddDays(n), rows[0].ToEvents());
        Assert.True(history.Status.IsOpen());
        Assert.Equal(15, history.ExtensionDays); // 2008 regime
    }
}
