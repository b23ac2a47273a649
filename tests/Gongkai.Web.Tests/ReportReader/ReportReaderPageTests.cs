using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests.ReportReader;

/// <summary>The report reader page touches no records, so it runs against the SQLite host only.</summary>
public sealed class ReportReaderPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Path = "/staff/report-reader";

    private static string Sample(string name) => File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", name));

    private static async Task<HttpResponseMessage> PostFilesAsync(HttpClient client, params (string Name, byte[] Content)[] files)
    {
        var token = await client.TokenAsync(Path);
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(part, "Files", name);
        }
        return await client.PostAsync(Path, form);
    }

    [Fact]
    public async Task Pasted_report_shows_its_figures_findings_and_highlighted_source()
    {
        var client = await app.LoginAsync(StaffRole.editor);

        var response = await client.PostFormAsync(Path, new() { ["Pasted"] = Sample("jinshi-2012.txt") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("津市市人民政府", doc.QuerySelector(".report .meta")!.TextContent);
        var findings = doc.QuerySelectorAll("ul.findings li").Select(li => li.TextContent).ToList();
        Assert.Equal(6, findings.Count);
        Assert.Contains(findings, f => f.Contains("报告写作91%"));
        // The 42 of 受理申请数 (line 124) is marked in the text and linked from the figures table.
        var line = doc.GetElementById("r0-L124")!;
        Assert.Equal("42", line.QuerySelector("mark.cell")!.TextContent);
        Assert.Equal("legacy.applications.total", line.QuerySelector("mark.cell")!.GetAttribute("title"));
        Assert.NotNull(doc.QuerySelector("table.cells a[href='#r0-L124']"));
        Assert.Contains("finding-line", doc.GetElementById("r0-L18")!.ClassName);
    }

    [Fact]
    public async Task Several_uploaded_reports_get_a_comparison_with_svg_charts()
    {
        var client = await app.LoginAsync(StaffRole.reviewer);

        var response = await PostFilesAsync(client,
            ("jinshi-2012.txt", Encoding.UTF8.GetBytes(Sample("jinshi-2012.txt"))),
            ("changshu-2008.txt", Encoding.UTF8.GetBytes(Sample("changshu-2008.txt"))),
            ("kaiyang-2019.txt", Encoding.UTF8.GetBytes(Sample("kaiyang-2019.txt"))));

        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, doc.QuerySelectorAll("section.report").Length);
        var charts = doc.QuerySelectorAll(".compare svg.chart");
        Assert.NotEmpty(charts);
        var requests = charts.Single(c => c.GetAttribute("aria-label") == "收到申请（件）");
        var labels = requests.QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        Assert.Contains("津市市人民政府 2012年", labels);
        Assert.Contains("14,671", labels);
        Assert.Contains("10", labels);
        Assert.Equal(3, requests.QuerySelectorAll("rect").Length);
        Assert.DoesNotContain("<script", doc.QuerySelector(".compare")!.InnerHtml);
    }

    [Fact]
    public async Task An_empty_submission_and_a_file_that_is_not_a_report_get_chinese_messages()
    {
        var client = await app.LoginAsync(StaffRole.editor);

        var empty = await client.PostFormAsync(Path, new() { ["Pasted"] = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请粘贴年度报告的正文", await empty.Content.ReadAsStringAsync());

        var response = await PostFilesAsync(client, ("notes.txt", Encoding.UTF8.GetBytes("明天上午九点开会，请准时参加。")), ("blank.txt", []));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("未能识别为政府信息公开工作年度报告", html);
        Assert.Contains("文件是空的", html);
    }

    [Fact]
    public async Task Report_text_is_encoded_not_executed()
    {
        var client = await app.LoginAsync(StaffRole.editor);
        var text = Sample("kaiyang-2019.txt").Replace("无。", "<script>alert(1)</script>无。");

        var html = await (await client.PostFormAsync(Path, new() { ["Pasted"] = text })).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }
}
