using System.Net;
using AngleSharp.Html.Parser;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Reports;

public abstract class ReportPagesTests(GongkaiAppFactory app)
{
    private const string Agency = "jyj";

    [Fact]
    public async Task The_demo_publishes_last_year_s_reports_except_the_one_left_for_the_education_bureau_s_logins()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var year = DateTime.UtcNow.AddHours(8).Year - 1;
        var visitor = app.Anonymous();
        var county = await visitor.GetAsync($"/gk/xzf/reports/{year}");
        Assert.Equal(HttpStatusCode.OK, county.StatusCode);
        var html = await county.Content.ReadAsStringAsync();
        Assert.Contains($"{year}年", html);
        Assert.Contains("data-key=\"applications.new.total\"", html);
        Assert.Contains($"/gk/xzf/reports/{year}", await visitor.GetStringAsync("/gk/xzf/reports"));
        // Left a draft for jyj.head to check and publish.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/gk/{Gongkai.Reporting.DemoReports.LeftForStaff}/reports/{year}")).StatusCode);
    }

    [Fact]
    public async Task The_office_head_publishes_a_checked_report_and_the_portal_shows_it_in_the_annual_report_column()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var head = await app.LoginAsync(StaffRole.office_head);
        var page = await head.GetStringAsync($"/staff/reports/{Agency}/2024");
        Assert.Contains("勾稽关系检查", page);
        Assert.DoesNotContain("data-ok=\"false\"", page);

        var narrative = await head.PostFormAsync($"/staff/reports/{Agency}/2024?handler=Narrative",
            new() { ["Section"] = "problems", ["Text"] = "**队伍不稳定**<script>alert(1)</script>" }, tokenFrom: $"/staff/reports/{Agency}/2024");
        Assert.Equal(HttpStatusCode.Redirect, narrative.StatusCode);
        var publish = await head.PostFormAsync($"/staff/reports/{Agency}/2024?handler=Publish", [], tokenFrom: $"/staff/reports/{Agency}/2024");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        var visitor = app.Anonymous();
        var list = await visitor.GetStringAsync($"/gk/{Agency}/reports");
        Assert.Contains($"/gk/{Agency}/reports/2024", list);
        var html = await visitor.GetStringAsync($"/gk/{Agency}/reports/2024");
        var doc = new HtmlParser().ParseDocument(html);
        // The demo requests of 2024: the published table counts every one received that year.
        int received;
        await using (var core = app.CoreServices())
        await using (var scope = core.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDb>();
            var agencyId = await db.Agencies.Where(a => a.Code == Agency).Select(a => a.Id).SingleAsync();
            received = await db.DisclosureRequests.CountAsync(r => r.AgencyId == agencyId && r.ReceivedOn >= new DateOnly(2024, 1, 1) && r.ReceivedOn <= new DateOnly(2024, 12, 31));
        }
        Assert.True(received > 0);
        Assert.Equal(received.ToString(), doc.QuerySelector("td[data-key='applications.new.total']")!.TextContent);
        Assert.Equal(2, doc.QuerySelectorAll("article svg").Length);
        Assert.Contains(doc.QuerySelectorAll("strong"), s => s.TextContent == "队伍不稳定");
        Assert.Empty(doc.QuerySelectorAll("article script"));
        Assert.Empty(doc.QuerySelectorAll("script[src^='http'], link[href^='http']"));

        var again = await head.PostFormAsync($"/staff/reports/{Agency}/2024?handler=Input",
            new() { ["Key"] = "proactive.admin_fees.amount_10k_cny", ["Value"] = "1" }, tokenFrom: $"/staff/reports/{Agency}/2024");
        Assert.Contains("已经发布，不能再修改", await again.Content.ReadAsStringAsync());
        var dashboard = await head.GetStringAsync("/staff/reports?year=2024");
        Assert.Contains("逾期发布", dashboard);
    }

    [Fact]
    public async Task A_computed_cell_cannot_be_typed_over_and_a_bad_number_is_explained()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var head = await app.LoginAsync(StaffRole.office_head);
        var path = $"/staff/reports/{Agency}/2023";
        var computed = await head.PostFormAsync($"{path}?handler=Input", new() { ["Key"] = "applications.new.total", ["Value"] = "5" }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.OK, computed.StatusCode);
        Assert.Contains("由办理记录自动计算，不能手工填写", await computed.Content.ReadAsStringAsync());
        var bad = await head.PostFormAsync($"{path}?handler=Input", new() { ["Key"] = "proactive.admin_fees.amount_10k_cny", ["Value"] = "一万" }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("不是数字", await bad.Content.ReadAsStringAsync());
        var good = await head.PostFormAsync($"{path}?handler=Input", new() { ["Key"] = "proactive.admin_fees.amount_10k_cny", ["Value"] = "1.5" }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var doc = new HtmlParser().ParseDocument(await head.GetStringAsync(path));
        Assert.Equal("1.5", doc.QuerySelector("td[data-key='proactive.admin_fees.amount_10k_cny']")!.TextContent);
    }

    [Fact]
    public async Task The_request_handler_may_read_but_not_publish()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var handler = await app.LoginAsync(StaffRole.request_handler);
        var response = await handler.PostFormAsync($"/staff/reports/{Agency}/2022?handler=Publish", [], tokenFrom: $"/staff/reports/{Agency}/2022");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/gk/{Agency}/reports/2022")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/gk/nosuch/reports")).StatusCode);
    }
}

public sealed class SqliteReportPagesTests(SqliteApp app) : ReportPagesTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_computed_number_links_to_the_records_behind_it()
    {
        const string register = "received_on,channel,applicant_type,applicant_name,description,result,decided_on,extended\n" +
            "2021-03-01,online,natural_person,张三,学校收费,result.granted,2021-03-10,false\n" +
            "2021-04-01,letter,legal_person.commercial,某公司,招标文件,result.partial,2021-04-20,false\n" +
            "2021-12-30,online,natural_person,李四,招生计划,,,false\n";
        await using (var core = app.CoreServices())
        await using (var scope = core.CreateAsyncScope())
        {
            var (n, errors) = await scope.ServiceProvider.GetRequiredService<ImportRegister>().RunAsync("jyj", new StringReader(register), "test");
            Assert.Empty(errors);
            Assert.Equal(3, n);
        }
        var head = await app.LoginAsync(StaffRole.office_head);
        var doc = new HtmlParser().ParseDocument(await head.GetStringAsync("/staff/reports/jyj/2021"));
        var link = doc.QuerySelector("td[data-key='applications.new.total'] a")!;
        Assert.Equal("3", link.TextContent);
        Assert.Null(doc.QuerySelector("td[data-key='proactive.admin_fees.amount_10k_cny'] a"));

        var list = new HtmlParser().ParseDocument(await head.GetStringAsync(link.GetAttribute("href")!));
        Assert.Equal(3, list.QuerySelectorAll("#cell-records tbody tr").Length);
        var forward = doc.QuerySelector("td[data-key='applications.carry_forward.natural_person'] a")!;
        var open = new HtmlParser().ParseDocument(await head.GetStringAsync(forward.GetAttribute("href")!));
        Assert.Contains("李四", Assert.Single(open.QuerySelectorAll("#cell-records tbody tr")).TextContent);
    }
}

public sealed class PostgresReportPagesTests(PostgresApp app) : ReportPagesTests(app), IClassFixture<PostgresApp>;
