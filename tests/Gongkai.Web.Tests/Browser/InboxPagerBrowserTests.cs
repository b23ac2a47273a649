using System.Text.RegularExpressions;
using Gongkai.Demo;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class InboxPagerBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_handler_pages_through_a_status_list_on_a_phone()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/staff/login?ReturnUrl=%2Fstaff%2Frequests");
        await page.GetByLabel("用户名").FillAsync("jyj.handler");
        await page.GetByLabel("密码").FillAsync(DemoStaff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/requests");

        // The status tab with the most requests (the demo gives the education bureau more than one page of 50 in it).
        var tabs = await page.Locator("nav.tabs a[href*='status=']").AllAsync();
        ILocator? biggest = null;
        var most = 0;
        foreach (var tab in tabs)
        {
            var count = int.Parse(Regex.Match(await tab.InnerTextAsync(), @"（(\d+)）").Groups[1].Value);
            if (count > most) (most, biggest) = (count, tab);
        }
        Assert.True(most > 50, $"the demo's largest status list has {most} requests");
        await biggest!.ClickAsync();
        var pager = page.Locator("#inbox-pager");
        await pager.WaitForAsync();
        Assert.Equal("1", (await pager.Locator("[aria-current=page]").InnerTextAsync()).Trim());
        Assert.Equal(0, await pager.Locator("a[rel=prev]").CountAsync());
        Assert.Contains($"第 1 / {(most + 49) / 50} 页", await pager.InnerTextAsync());

        // At phone width the pager stays inside the screen (it wraps) and the page does not scroll sideways.
        var box = await pager.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"pager at {box.X}+{box.Width}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        await pager.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await page.WaitForURLAsync("**p=2");
        Assert.Equal("2", (await page.Locator("#inbox-pager [aria-current=page]").InnerTextAsync()).Trim());
        await page.Locator("#inbox-pager").GetByRole(AriaRole.Link, new() { Name = "上一页" }).ClickAsync();
        await page.WaitForURLAsync("**p=1");
        Assert.Equal("1", (await page.Locator("#inbox-pager [aria-current=page]").InnerTextAsync()).Trim());
    }
}
