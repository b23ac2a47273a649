using Gongkai.Demo;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.ReportReader;

[Collection(BrowserCollection.Name)]
public sealed class ReportReaderBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_staff_member_pastes_a_report_and_follows_a_finding_to_its_line()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/staff/login");
        await page.FillAsync("#Input_UserName", StaffClient.DemoUser(StaffRole.editor));
        await page.FillAsync("#Input_Password", DemoStaff.Password);
        await page.ClickAsync("button[type=submit]");
        await page.ClickAsync("nav.staff-nav >> text=年报读取");
        await page.WaitForURLAsync("**/staff/report-reader");

        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "jinshi-2012.txt"));
        await page.FillAsync("#Pasted", text);
        await page.ClickAsync("text=读取并核对");

        var finding = page.Locator("ul.findings li", new() { HasTextString = "全职" });
        await Assertions.Expect(finding).ToHaveCountAsync(1);
        await finding.Locator("a").First.ClickAsync();
        Assert.EndsWith("#r0-L18", page.Url);
        var target = page.Locator("#r0-L18");
        await Assertions.Expect(target).ToContainTextAsync("2名全职工作人员");
        var background = await target.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(255, 246, 191)", background);
        await Assertions.Expect(page.Locator("#r0-L124 mark.cell")).ToHaveTextAsync("42");
    }
}
