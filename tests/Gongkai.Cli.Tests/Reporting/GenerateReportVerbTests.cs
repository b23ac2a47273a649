using System.Diagnostics;
using System.Text.Json;

namespace Gongkai.Cli.Tests.Reporting;

/// <summary>One demo county in a temp folder, seeded once for the class through the CLI itself.</summary>
public sealed class DemoCounty : IAsyncLifetime
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), $"gongkai-cli-report-{Guid.NewGuid():N}");

    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, new Dictionary<string, string?> { ["Database:DataDir"] = Dir });
        return (code, output.ToString(), error.ToString());
    }

    public async Task InitializeAsync()
    {
        var (code, _, err) = await RunAsync("seed", "demo");
        Assert.True(code == 0, err);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

public class GenerateReportVerbTests(DemoCounty demo) : IClassFixture<DemoCounty>
{
    [Fact]
    public async Task On_the_demo_county_the_v2021_report_has_every_cell_and_passes_every_check()
    {
        var (code, output, error) = await demo.RunAsync("report", "generate", "--agency", "xzf", "--year", "2024", "--scope", "tree");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(["agency", "year", "format", "cells", "checks"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("xzf", root.GetProperty("agency").GetString());
        Assert.Equal(2024, root.GetProperty("year").GetInt32());
        Assert.Equal("v2021", root.GetProperty("format").GetString());
        var cells = root.GetProperty("cells");
        Assert.Equal(Gongkai.Reporting.ReportFormats.V2021.Cells.Count, cells.EnumerateObject().Count());
        Assert.Equal(JsonValueKind.Number, cells.GetProperty("applications.new.natural_person").ValueKind);
        Assert.Equal(JsonValueKind.Number, cells.GetProperty("applications.carry_forward.total").ValueKind);
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Contains(checks, c => c.GetProperty("rule").GetString() == "applications.balance");
        Assert.All(checks, c => Assert.True(c.GetProperty("ok").GetBoolean(), c.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task The_demo_2025_report_written_as_json_passes_every_check_with_requests_in_table_three()
    {
        var file = Path.Combine(demo.Dir, "jyj-2025.json");
        var (code, output, error) = await demo.RunAsync("report", "generate", "--agency", "jyj", "--year", "2025", "--format", "v2021", "--out", file);
        Assert.True(code == 0, error);
        Assert.Contains("jyj-2025.json", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var cells = doc.RootElement.GetProperty("cells");
        Assert.True(cells.GetProperty("applications.new.total").GetDecimal() > 0);
        Assert.True(cells.GetProperty("applications.result.total.total").GetDecimal() > 0);
        var checks = doc.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.True(c.GetProperty("ok").GetBoolean(), c.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task The_demo_report_as_docx_converts_to_pdf_with_its_tables_and_figures()
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-cli-docx-");
        try
        {
            var json = Path.Combine(dir.FullName, "xzf-2025.json");
            Assert.Equal(0, (await demo.RunAsync("report", "generate", "--agency", "xzf", "--year", "2025", "--out", json)).Code);
            using var cells = JsonDocument.Parse(File.ReadAllText(json));
            string Cell(string key) => cells.RootElement.GetProperty("cells").GetProperty(key).GetDecimal().ToString("0.##");

            var docx = Path.Combine(dir.FullName, "xzf-2025.docx");
            var (code, output, error) = await demo.RunAsync("report", "generate", "--agency", "xzf", "--year", "2025", "--out", docx);
            Assert.True(code == 0, error);
            Assert.Contains("已生成云溪县人民政府2025年度报告", output);
            Assert.Equal(0, Run("libreoffice", $"-env:UserInstallation=file://{dir.FullName}/lo --headless --convert-to pdf --outdir {dir.FullName} {docx}").Code);
            var (textCode, text) = Run("pdftotext", $"-layout {Path.Combine(dir.FullName, "xzf-2025.pdf")} -");
            Assert.Equal(0, textCode);
            Assert.Contains("收到和处理政府信息公开申请情况", text);
            Assert.Contains("四、结转下年度继续办理", text);
            Assert.Contains("复议后起诉", text);
            // The figures render in their rows: the row of new requests carries its applicant columns and total.
            var newRow = text.Split('\n').First(l => l.Contains("本年新收政府信息公开申请数量"));
            var figures = newRow[(newRow.IndexOf("数量", StringComparison.Ordinal) + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(Cell("applications.new.natural_person"), figures[0]);
            Assert.Equal(Cell("applications.new.total"), figures[^1]);
            Assert.NotEqual("0", figures[^1]);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Theory]
    [InlineData("html", "<!DOCTYPE html>")]
    [InlineData("csv", "key,table,row,column,value,source")]
    [InlineData("json", "{")]
    public async Task Out_writes_the_format_named_by_the_extension(string extension, string start)
    {
        var file = Path.Combine(demo.Dir, $"out.{extension}");
        var (code, _, error) = await demo.RunAsync("report", "generate", "--agency", "jyj", "--year", "2023", "--out", file);
        Assert.True(code == 0, error);
        Assert.StartsWith(start, File.ReadAllText(file));
    }

    [Theory]
    [InlineData("找不到代码为“nope”的机关", 1, "--agency", "nope", "--year", "2024")]
    [InlineData("不是四位数字的年份", 2, "--agency", "xzf", "--year", "二〇二四")]
    [InlineData("请用 --year 指定报告年度", 2, "--agency", "xzf")]
    [InlineData("年度应在2008年至", 1, "--agency", "xzf", "--year", "1999")]
    [InlineData("格式“v2020”无法识别", 2, "--agency", "xzf", "--year", "2024", "--format", "v2020")]
    [InlineData("扩展名应为 .json、.docx、.html 或 .csv", 2, "--agency", "xzf", "--year", "2024", "--out", "report.pdf")]
    [InlineData("统计范围“all”无法识别", 2, "--agency", "xzf", "--year", "2024", "--scope", "all")]
    public async Task Bad_input_gets_a_chinese_message_and_a_non_zero_exit(string message, int exit, params string[] args)
    {
        var (code, output, error) = await demo.RunAsync(["report", "generate", .. args]);
        Assert.Equal(exit, code);
        Assert.Contains(message, error);
        Assert.Equal("", output);
    }

    private static (int Code, string Output) Run(string file, string args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit(120_000);
        return (process.ExitCode, output);
    }
}
