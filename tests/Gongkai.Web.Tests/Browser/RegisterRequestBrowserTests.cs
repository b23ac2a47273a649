using Gongkai.Demo;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class RegisterRequestBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_handler_registers_a_fax_request_from_the_inbox_fixes_a_missing_date_and_sees_the_explained_dates()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/staff/login?ReturnUrl=%2Fstaff%2Frequests");
        await page.GetByLabel("用户名").FillAsync("jyj.handler");
        await page.GetByLabel("密码").FillAsync(DemoStaff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/requests");
        await page.Locator("#register-link").ClickAsync();
        await page.WaitForURLAsync("**/staff/requests/register");

        await page.Locator("#channel").SelectOptionAsync("fax");
        await page.Locator("#arrived-on").FillAsync("2026-11-02");
        await page.Locator("#name").FillAsync("郑十一");
        await page.Locator("#id").FillAsync("110101199003074477");
        await page.Locator("#phone").FillAsync("13600136000");
        await page.Locator("#description").FillAsync($"2026年秋季学期城区学校招生计划 {Guid.NewGuid():N}");
        await page.Locator("#register").ClickAsync();
        Assert.Contains("以与申请人确认之日为收到申请之日", await page.Locator("[data-valmsg-for='Intake.ConfirmedOn']").InnerTextAsync());
        Assert.Equal("郑十一", await page.Locator("#name").InputValueAsync());

        await page.Locator("#confirmed-on").FillAsync("2026-11-04");
        await page.Locator("#register").ClickAsync();
        await page.Locator("#received-on").WaitForAsync();
        Assert.Equal("2026-11-04", (await page.Locator("#received-on").InnerTextAsync()).Trim());
        Assert.Contains("第三十一条第（三）项", await page.Locator("#receipt-explanation").InnerTextAsync());
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#due-explanation").InnerTextAsync()));
        Assert.Matches(@"^2026-12-\d\d$", (await page.Locator("#due-on").InnerTextAsync()).Trim());
    }
}
