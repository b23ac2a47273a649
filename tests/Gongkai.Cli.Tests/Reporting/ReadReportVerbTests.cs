using System.CommandLine;
using System.Text.Json;
using Gongkai.Cli.Reporting;

namespace Gongkai.Cli.Tests.Reporting;

public sealed class ReadReportVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-read-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(ReportCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Json_output_is_an_array_with_one_object_per_file_in_the_issue_shape()
    {
        var (code, output, _) = Invoke("report", "read", Sample("kaiyang-2019.txt"), Sample("jinshi-2012.txt"), "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        var kaiyang = doc.RootElement[0];
        Assert.EndsWith("kaiyang-2019.txt", kaiyang.GetProperty("file").GetString());
        Assert.Equal("开阳县人民政府", kaiyang.GetProperty("agency").GetString());
        Assert.Equal(2019, kaiyang.GetProperty("year").GetInt32());
        Assert.Equal("v2019", kaiyang.GetProperty("format").GetString());
        Assert.Equal(10, kaiyang.GetProperty("cells").GetProperty("applications.new.total").GetDecimal());
        Assert.Equal(-57, kaiyang.GetProperty("cells").GetProperty("proactive.penalty.change").GetDecimal());
        Assert.Equal(0, kaiyang.GetProperty("findings").GetArrayLength());

        var jinshi = doc.RootElement[1];
        Assert.Equal("legacy", jinshi.GetProperty("format").GetString());
        var findings = jinshi.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(6, findings.Count);
        var staff = findings.Single(f => f.GetProperty("cells").TryGetProperty("legacy.staff.full_time", out _));
        Assert.Equal("text.narrative_vs_table", staff.GetProperty("rule").GetString());
        Assert.Equal(8, staff.GetProperty("cells").GetProperty("legacy.staff.full_time").GetDecimal());
        Assert.Contains("全职", staff.GetProperty("message").GetString());
    }

    [Fact]
    public void Human_output_is_chinese_and_lists_figures_and_findings()
    {
        var (code, output, _) = Invoke("report", "read", Sample("jinshi-2012.txt"));

        Assert.Equal(0, code);
        Assert.Contains("机关：津市市人民政府", output);
        Assert.Contains("legacy.applications.total = 42", output);
        Assert.Contains("发现 6 处问题", output);
        Assert.Contains("报告写作91%", output);
    }

    [Fact]
    public void A_missing_file_gets_a_chinese_message_and_a_failing_exit_code()
    {
        var (code, output, error) = Invoke("report", "read", Path.Combine(_dir, "none.txt"), "--json");

        Assert.Equal(1, code);
        Assert.Contains("文件不存在", error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("文件不存在，请检查路径。", doc.RootElement[0].GetProperty("error").GetString());
    }

    [Fact]
    public void An_empty_file_and_a_file_that_is_not_a_report_are_refused_clearly()
    {
        var empty = Path.Combine(_dir, "empty.txt");
        File.WriteAllText(empty, "");
        var recipe = Path.Combine(_dir, "recipe.txt");
        File.WriteAllText(recipe, "番茄炒蛋：鸡蛋3个，番茄2个，盐少许。");

        var (code, _, error) = Invoke("report", "read", empty, recipe);

        Assert.Equal(1, code);
        Assert.Contains("文件是空的", error);
        Assert.Contains("未能识别为政府信息公开工作年度报告", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public void A_gb18030_file_is_read_like_its_utf8_twin()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gbk = Path.Combine(_dir, "jinshi-gbk.txt");
        File.WriteAllText(gbk, File.ReadAllText(Sample("jinshi-2012.txt")), System.Text.Encoding.GetEncoding("GB18030"));

        var (_, utf8Output, _) = Invoke("report", "read", Sample("jinshi-2012.txt"), "--json");
        var (code, gbkOutput, _) = Invoke("report", "read", gbk, "--json");

        Assert.Equal(0, code);
        using var a = JsonDocument.Parse(utf8Output);
        using var b = JsonDocument.Parse(gbkOutput);
        Assert.Equal(a.RootElement[0].GetProperty("cells").GetRawText(), b.RootElement[0].GetProperty("cells").GetRawText());
    }
}
