using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests.Calendar;

[Collection(BrowserCollection.Name)]
public sealed class CalculatorBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_computes_a_deadline_across_national_day_on_a_phone()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/");
        await page.ClickAsync("nav.site-nav >> text=期限计算");
        await page.FillAsync("#from", "2024-09-27");
        await page.FillAsync("#days", "20");
        await page.ClickAsync("#calculator button[type=submit]");
        Assert.Equal("2024年10月30日（星期三）", (await page.TextContentAsync("#due"))?.Trim());
        Assert.Contains("国庆节", await page.TextContentAsync("#explanation"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Bad_input_shows_a_chinese_message_in_the_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/calendar");
        await page.FillAsync("#days", "二十");
        await page.ClickAsync("#calculator button[type=submit]");
        Assert.Contains("工作日数须为 1 至 1000 之间的整数", await page.TextContentAsync("#problem"));
        await page.Context.CloseAsync();
    }
}
