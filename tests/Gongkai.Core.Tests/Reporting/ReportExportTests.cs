using System.Diagnostics;
using AngleSharp.Html.Parser;
using Gongkai.Reporting;
using Gongkai.Reporting.Export;
using static Gongkai.Core.Tests.Reporting.RecordSets;

namespace Gongkai.Core.Tests.Reporting;

public class ReportExportTests
{
    private static GeneratedReport Report(ReportFormat format = ReportFormat.V2021, string? overview = null)
    {
        var agency = new ReportAgency(Guid.NewGuid(), "csj", "云溪县测试局", Gongkai.Agencies.AgencyKind.department);
        var records = County();
        var figures = ReportBuilder.Build(format, 2024, records, new Dictionary<string, decimal?> { ["proactive.admin_fees.amount_10k_cny"] = 1.25m });
        var draft = NarrativeDraft.Write(agency, figures, null).ToDictionary();
        if (overview is not null) draft[NarrativeSection.overview] = overview;
        return new GeneratedReport(agency, figures, ReportChecks.Run(figures, null), draft, AnnualReportState.draft, ReportScope.own, records, null, null);
    }

    [Fact]
    public void Json_has_the_promised_shape_with_every_cell_and_every_rule()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(ReportJson.Write(Report()));
        var root = doc.RootElement;
        Assert.Equal(["agency", "year", "format", "cells", "checks"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("csj", root.GetProperty("agency").GetString());
        Assert.Equal("v2021", root.GetProperty("format").GetString());
        Assert.Equal(5, root.GetProperty("cells").GetProperty("applications.new.natural_person").GetInt32());
        Assert.Equal(24, root.GetProperty("cells").GetProperty("applications.new.total").GetInt32());
        Assert.Equal(1.25m, root.GetProperty("cells").GetProperty("proactive.admin_fees.amount_10k_cny").GetDecimal());
        Assert.Equal(ReportFormats.V2021.Cells.Count, root.GetProperty("cells").EnumerateObject().Count());
        var balance = root.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "applications.balance");
        Assert.True(balance.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void Csv_has_one_line_per_cell_with_its_source()
    {
        var lines = ReportCsv.Write(Report()).TrimEnd('\n').Split('\n');
        Assert.Equal(ReportFormats.V2021.Cells.Count + 1, lines.Length);
        Assert.Contains("applications.new.total,三,一、本年新收政府信息公开申请数量,总计,24,computed", lines);
        Assert.Contains(lines, l => l.StartsWith("proactive.admin_fees.amount_10k_cny,", StringComparison.Ordinal) && l.EndsWith(",1.25,recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_tables_merge_header_cells_like_the_official_format_and_link_numbers()
    {
        var html = ReportHtml.Fragment(Report(), key => $"/drill?key={key}");
        var doc = new HtmlParser().ParseDocument(html);
        var tables = doc.QuerySelectorAll("table");
        Assert.Equal(4 + 1 + 1, tables.Length); // table 二's four sub-tables, 三, 四
        var three = tables[4];
        Assert.Equal(3 + 25, three.QuerySelectorAll("tr").Length);
        var corner = three.QuerySelector("th")!;
        Assert.Equal(ReportFormats.ApplicationsNote, corner.TextContent);
        Assert.Equal("3", corner.GetAttribute("rowspan"));
        Assert.Equal("3", corner.GetAttribute("colspan"));
        var legal = three.QuerySelectorAll("th").Single(t => t.TextContent == "法人或其他组织");
        Assert.Equal("5", legal.GetAttribute("colspan"));
        var results = three.QuerySelectorAll("th").Single(t => t.TextContent == "三、本年度办理结果");
        Assert.Equal("22", results.GetAttribute("rowspan"));
        var cell = three.QuerySelector("td[data-key='applications.new.total'] a")!;
        Assert.Equal("24", cell.TextContent);
        Assert.Equal("/drill?key=applications.new.total", cell.GetAttribute("href"));
        var four = tables[5];
        Assert.Equal("10", four.QuerySelectorAll("th").Single(t => t.TextContent == "行政诉讼").GetAttribute("colspan"));
        Assert.Equal(2, doc.QuerySelectorAll("svg").Length);
    }

    [Fact]
    public void Narrative_markdown_is_rendered_without_letting_markup_through()
    {
        var html = ReportHtml.Fragment(Report(overview: "**重点**<script>alert(1)</script>"));
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Contains(doc.QuerySelectorAll("strong"), s => s.TextContent == "重点");
    }

    [Fact]
    public void Docx_converts_to_pdf_with_libreoffice_and_its_tables_render()
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-report-");
        try
        {
            var docx = Path.Combine(dir.FullName, "report.docx");
            File.WriteAllBytes(docx, ReportDocx.Write(Report()));
            var (code, _) = Run("libreoffice", $"-env:UserInstallation=file://{dir.FullName}/lo --headless --convert-to pdf --outdir {dir.FullName} {docx}");
            Assert.Equal(0, code);
            var pdf = Path.Combine(dir.FullName, "report.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice produced no PDF");
            // For looking at the page by eye: GONGKAI_KEEP_REPORT_PDF=/some/dir dotnet test …
            if (Environment.GetEnvironmentVariable("GONGKAI_KEEP_REPORT_PDF") is { Length: > 0 } keep) File.Copy(pdf, Path.Combine(keep, "report.pdf"), true);
            var (textCode, text) = Run("pdftotext", $"-layout {pdf} -");
            Assert.Equal(0, textCode);
            Assert.Contains("结转下年度继续办理", text);
            Assert.Contains("法人或其他组织", text);
            Assert.Contains("未经复议直接起诉", text);
            Assert.Contains("第二十条第（一）项", text);
            Assert.Matches(@"一、本年新收政府信息公开申请数量\s+5\s+4\s+5\s+3\s+4\s+3\s+24", text);
        }
        finally { dir.Delete(recursive: true); }
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
