using System.IO.Compression;
using System.Text.RegularExpressions;
using Gongkai.Calendar;
using Gongkai.Common;
using Gongkai.Demo;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>The acceptance journeys of the requests and annual-report features, clicked through in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public class RequestJourneyBrowserTests(BrowserFixture browser)
{
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "gongkai-screenshots");

    private async Task<IPage> StaffAsync(string userName)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/staff/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DemoStaff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/staff/login", StringComparison.Ordinal));
        return page;
    }

    private static async Task<string> Text(IPage page, string selector) => (await page.Locator(selector).InnerTextAsync()).Trim();

    private static Task ClickAndWaitAsync(IPage page, string selector) => ClickAndLoadAsync(page, page.Locator(selector));

    /// <summary>Clicks and waits until the page the click leads to (a form post and its redirect) has loaded.</summary>
    private static async Task ClickAndLoadAsync(IPage page, ILocator target)
    {
        var loaded = new TaskCompletionSource();
        void OnLoad(object? sender, IPage p) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally { page.Load -= OnLoad; }
    }

    private static async Task TrackAsync(IPage page, string code, string password)
    {
        await page.GotoAsync("/requests/track");
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByLabel("查询密码").FillAsync(password);
        await ClickAndLoadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }));
    }

    [Fact]
    public async Task A_citizen_applies_corrects_online_and_sees_the_partial_answer_staff_extended_decided_and_lettered()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var calendar = WorkingCalendar.Embedded;

        // 1. The citizen applies online and gets the code and password.
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync("/requests/apply");
        await citizen.Locator("#agency").SelectOptionAsync("jyj");
        await citizen.Locator("#name").FillAsync("赵敏");
        await citizen.Locator("#id").FillAsync("110101199003074477");
        await citizen.Locator("#phone").FillAsync("13800138000");
        await citizen.Locator("#description").FillAsync("学校的招生方案");
        await ClickAndLoadAsync(citizen, citizen.Locator("#next"));
        await ClickAndLoadAsync(citizen, citizen.Locator("#submit"));
        var code = await Text(citizen, "#query-code");
        var password = await Text(citizen, "#query-password");
        Assert.Matches(@"^\d{4}-[0-9A-Z]{8}$", code);

        // 2. The handler finds it among the new requests, takes it and sends the one-time 补正 notice.
        var handler = await StaffAsync("jyj.handler");
        await handler.GotoAsync("/staff/requests?status=Registered");
        await ClickAndLoadAsync(handler, handler.GetByRole(AriaRole.Link, new() { Name = code }));
        var detailUrl = handler.Url;
        await ClickAndWaitAsync(handler, "#assign");
        Assert.Contains("已分办", await Text(handler, "#done"));
        var correctionForm = handler.Locator("form:has(#correction)");
        await correctionForm.Locator("textarea[name=Text]").FillAsync("请写明招生方案的年度、学段和文号。");
        await correctionForm.Locator("input[name=Date]").FillAsync(calendar.AddWorkingDays(today, 10).ToString("yyyy-MM-dd"));
        await ClickAndWaitAsync(handler, "#correction");
        Assert.Contains("补正告知已登记", await Text(handler, "#done"));

        // 3. The citizen sees the notice and answers it on the tracking page; the clock restarts from today.
        await TrackAsync(citizen, code, password);
        Assert.Contains("请写明招生方案的年度、学段和文号", await Text(citizen, "ol.steps"));
        await citizen.GetByLabel("补正后的申请内容").FillAsync("2026年秋季学期义务教育阶段招生划片方案（云溪教发〔2026〕5号）");
        await ClickAndLoadAsync(citizen, citizen.GetByRole(AriaRole.Button, new() { Name = "提交补正" }));
        Assert.True(await citizen.Locator("#correction-sent").IsVisibleAsync());
        Assert.Equal(0, await citizen.Locator("#correction-form").CountAsync());
        var restartedDue = calendar.AddWorkingDays(today, 20);
        Assert.Equal(restartedDue.ToString("yyyy年M月d日"), await Text(citizen, "#due-on"));
        Assert.Contains("重新计算", await Text(citizen, "#due-explanation"));
        Directory.CreateDirectory(Shots);
        await citizen.ScreenshotAsync(new() { Path = Path.Combine(Shots, "track-corrected.png"), FullPage = true });

        // 4. The office head extends, decides 部分公开, records the 保密审查, delivers and downloads the letter.
        var head = await StaffAsync("jyj.head");
        await head.GotoAsync(detailUrl);
        Assert.Contains("补正后的申请内容：2026年秋季学期义务教育阶段招生划片方案", await Text(head, "#history"));
        var extendForm = head.Locator("form:has(#extend)");
        await extendForm.Locator("input[name=Number]").FillAsync("10");
        await extendForm.Locator("input[name=Text]").FillAsync("需调取往年招生档案并征询学校意见。");
        await ClickAndWaitAsync(head, "#extend");
        Assert.Contains("已延长答复期限", await Text(head, "#done"));
        Assert.Equal(calendar.AddWorkingDays(restartedDue, 10).ToString("yyyy-MM-dd"), (await Text(head, "#due-on")).Replace("（已逾期）", ""));
        Assert.Contains("延长", await Text(head, "#due-explanation"));

        await head.Locator("#situation").SelectOptionAsync("partial");
        await head.Locator("#decision-text").FillAsync("划片方案中学生家庭住址等个人信息已作遮盖处理。");
        await ClickAndWaitAsync(head, "#decide");
        await ClickAndWaitAsync(head, "#review");
        await ClickAndWaitAsync(head, "#deliver");
        Assert.Contains("已登记送达", await Text(head, "#done"));
        Assert.Equal("result.partial", await Text(head, "#result"));

        var download = await head.RunAndWaitForDownloadAsync(() => head.Locator("#letter-docx").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"gongkai-letter-{Guid.NewGuid():N}.docx");
        try
        {
            await download.SaveAsAsync(path);
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry("word/document.xml");
            Assert.NotNull(entry);
            using var reader = new StreamReader(entry.Open());
            var xml = await reader.ReadToEndAsync();
            Assert.Contains("部分公开", Regex.Replace(xml, "<[^>]+>", ""));
        }
        finally { File.Delete(path); }

        // 5. The citizen sees the result on the tracking page.
        await TrackAsync(citizen, code, password);
        Assert.Contains("部分公开", await Text(citizen, "#result"));
        Assert.Contains("已作遮盖处理", await Text(citizen, "ol.steps"));
        await citizen.ScreenshotAsync(new() { Path = Path.Combine(Shots, "track-answered.png"), FullPage = true });
    }

    [Fact]
    public async Task A_report_number_links_to_as_many_records_and_the_published_report_shows_on_the_portal_with_charts()
    {
        var head = await StaffAsync("jyj.head");
        await head.GotoAsync("/staff/reports/jyj/2025");
        Assert.Equal(0, await head.Locator("#checks li[data-ok='false']").CountAsync());
        var link = head.Locator("td[data-key='applications.new.total'] a");
        var number = int.Parse(await link.InnerTextAsync());
        Assert.True(number > 0);
        await ClickAndLoadAsync(head, link);
        Assert.Equal(number, await head.Locator("#cell-records tbody tr").CountAsync());

        await head.GotoAsync("/staff/reports/jyj/2025");
        var partial = head.Locator("td[data-key='applications.result.partial.total'] a");
        var partialCount = int.Parse(await partial.InnerTextAsync());
        await ClickAndLoadAsync(head, partial);
        Assert.Equal(partialCount, await head.Locator("#cell-records tbody tr").CountAsync());

        await head.GotoAsync("/staff/reports/jyj/2025");
        await ClickAndLoadAsync(head, head.GetByRole(AriaRole.Button, new() { Name = "发布年度报告" }));

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/gk/jyj/reports");
        await ClickAndLoadAsync(visitor, visitor.Locator("#report-list a[href='/gk/jyj/reports/2025']"));
        Assert.Equal(number.ToString(), (await visitor.Locator("td[data-key='applications.new.total']").InnerTextAsync()).Trim());
        Assert.Equal(2, await visitor.Locator("article svg").CountAsync());
        Assert.True(await visitor.Locator("article svg rect").CountAsync() > 2);
        Directory.CreateDirectory(Shots);
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Shots, "portal-report.png"), FullPage = true });
    }
}
