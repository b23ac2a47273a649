using System.Text;
using Gongkai.Catalog;
using Gongkai.Catalog.Import;

namespace Gongkai.Core.Tests.Catalog.Import;

public class CatalogCsvTests
{
    private static readonly DateOnly Today = new(2024, 6, 1);
    private const string Header = "title,doc_no,category,topic,genre,kind,written_on,published_on,validity,abolished_on,keywords,summary,body";

    private static CatalogCsvResult Read(string text, Encoding? encoding = null) =>
        CatalogCsv.Read(new MemoryStream((encoding ?? new UTF8Encoding(true)).GetBytes(text)), Today);

    private static CatalogCsvResult ReadRows(params string[] rows) => Read(Header + "\n" + string.Join("\n", rows) + "\n");

    [Fact]
    public void A_good_file_yields_every_row_with_its_values()
    {
        var result = ReadRows(
            "关于提高城乡低保标准的通知,开府办发〔2019〕38号,11,\"民政、扶贫、救灾\",通知,normative,2019-06-20,2019-06-28,有效,,低保,调整低保标准,\"第一段\n\n第二段，含“引号”和\"\"双引号\"\"\"",
            "某某行政处罚决定书,开市监罚〔2020〕5号,6,市场监管、安全生产监管,决定,penalty_decision,2020/3/1,2020年3月5日,废止,2021-01-01,,,");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Rows.Count);
        var first = result.Rows[0];
        Assert.Equal((2, DisclosureCategory.art20_11, Topic.civil_affairs_relief, Genre.notice, ItemKind.normative), (first.Line, first.Category, first.Topic, first.Genre, first.Kind));
        Assert.Equal("第一段\n\n第二段，含“引号”和\"双引号\"", first.Body);
        var second = result.Rows[1];
        Assert.Equal(5, second.Line); // the first row's body spans lines 2–4
        Assert.Equal((new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 5), Validity.abolished, new DateOnly(2021, 1, 1)),
            (second.WrittenOn, second.PublishedOn, second.Validity, second.AbolishedOn));
        Assert.Null(second.Body);
    }

    [Fact]
    public void Every_bad_row_is_reported_by_line_and_nothing_is_returned_to_import()
    {
        var result = ReadRows(
            "好的一行,,1,,,other,2024-01-01,2024-01-02,有效,,,,",
            ",,16,未知主题,,law,2024-13-01,2024-01-02,有效,,,,",
            "日期颠倒,,2,,,other,2024-02-01,2024-01-02,作废,,,,",
            "未来发布,,3,,,other,2024-01-01,2024-07-01,废止,,,,",
            "列数不对,,3,,,other");
        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        Assert.Equal(4, result.BadRowCount);
        var byLine = result.Problems.GroupBy(p => p.Line).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToList());
        Assert.Equal([3, 4, 5, 6], byLine.Keys.Order());
        Assert.Contains(byLine[3], r => r.Contains("title"));
        Assert.Contains(byLine[3], r => r.Contains("1 到 15") && r.Contains("16"));
        Assert.Contains(byLine[3], r => r.Contains("未知主题"));
        Assert.Contains(byLine[3], r => r.Contains("kind") && r.Contains("law"));
        Assert.Contains(byLine[3], r => r.Contains("2024-13-01"));
        Assert.Contains(byLine[4], r => r.Contains("早于成文日期"));
        Assert.Contains(byLine[4], r => r.Contains("作废"));
        Assert.Contains(byLine[5], r => r.Contains("今天之后"));
        Assert.Contains(byLine[5], r => r.Contains("废止日期"));
        Assert.Contains(byLine[6], r => r.Contains("列"));
        Assert.Equal("第 4 行：" + byLine[4][0], result.Problems.First(p => p.Line == 4).ToString());
    }

    [Fact]
    public void A_valid_document_must_not_have_an_abolition_date() =>
        Assert.Contains("应留空", ReadRows("标题,,1,,,other,2024-01-01,2024-01-02,有效,2024-03-01,,,").Problems.Single().Reason);

    [Fact]
    public void The_same_document_number_twice_is_reported_on_the_second_line()
    {
        var result = ReadRows(
            "甲,开府发〔2019〕1号,1,,,normative,2019-01-01,2019-01-02,有效,,,,",
            "乙,开府发[2019]1号,1,,,normative,2019-01-01,2019-01-02,有效,,,,");
        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("第 2 行", problem.Reason);
    }

    [Fact]
    public void A_broken_quote_is_reported_and_reading_goes_on()
    {
        var result = ReadRows(
            "\"引号\"后有字,,1,,,other,2024-01-01,2024-01-02,有效,,,,",
            "第二个错误,,99,,,other,2024-01-01,2024-01-02,有效,,,,");
        Assert.Equal([2, 3], result.Problems.Select(p => p.Line));
        Assert.Contains("引号", result.Problems[0].Reason);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_optional_ones_may_be_left_out()
    {
        var result = Read("kind,validity,published_on,written_on,category,title\r\nother,有效,2024-01-02,2024-01-01,4,统计公报\r\n");
        var row = Assert.Single(result.Rows);
        Assert.Equal(("统计公报", DisclosureCategory.art20_4, Topic.other, Genre.other), (row.Title, row.Category, row.Topic, row.Genre));
    }

    [Theory]
    [InlineData("title,category,kind,written_on,published_on\n", "validity")]
    [InlineData("title,category,kind,written_on,published_on,validity,colour\n", "colour")]
    [InlineData("title,title,category,kind,written_on,published_on,validity\n", "不止一次")]
    [InlineData("", "空")]
    [InlineData(Header + "\n", "没有要导入的数据行")]
    public void A_bad_header_or_empty_file_is_one_file_level_problem(string text, string expected)
    {
        var problem = Assert.Single(Read(text).Problems);
        Assert.Equal(0, problem.Line);
        Assert.Contains(expected, problem.Reason);
    }

    [Fact]
    public void A_gbk_file_is_refused_with_advice_on_saving_as_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var result = Read(Header + "\n低保通知,,1,,,other,2024-01-01,2024-01-02,有效,,,,\n", Encoding.GetEncoding("GBK"));
        Assert.Contains("UTF-8", Assert.Single(result.Problems).Reason);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_line_numbers_stay_physical()
    {
        var result = Read(Header + "\n\n甲,,1,,,other,2024-01-01,2024-01-02,有效,,,,\n\n乙,,99,,,other,2024-01-01,2024-01-02,有效,,,,\n");
        Assert.Equal(5, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void Export_escaping_quotes_separators_and_defuses_formulas()
    {
        Assert.Equal("\"a,b\"", CsvRecords.Escape("a,b"));
        Assert.Equal("\"说\"\"明\"\"\"", CsvRecords.Escape("说\"明\""));
        Assert.Equal("'=HYPERLINK(\"x\")", CsvRecords.Escape("=HYPERLINK(\"x\")").Trim('"').Replace("\"\"", "\""));
        Assert.Equal("普通", CsvRecords.Escape("普通"));
    }
}
