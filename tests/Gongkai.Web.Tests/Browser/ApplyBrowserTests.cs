using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ApplyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_citizen_fills_in_the_form_sees_similar_items_goes_back_to_edit_and_then_submits()
    {
        string title;
        await using (var core = browser.App.CoreServices())
        await using (var scope = core.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var jyj = await db.Agencies.Where(a => a.Code == "jyj").Select(a => a.Id).SingleAsync();
            title = await db.PublishedItems.Where(p => p.AgencyId == jyj && p.Mode == DisclosureMode.proactive && !p.Withdrawn && p.Title.Length >= 8)
                .OrderByDescending(p => p.SearchKey).Select(p => p.Title).FirstAsync();
        }

        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/requests/apply?agency=jyj");
        await page.Locator("#name").FillAsync("周七");
        await page.Locator("#id").FillAsync("110101199003074477");
        await page.Locator("#phone").FillAsync("13800138000");
        await page.Locator("#description").FillAsync($"请提供{title}");
        await page.Locator("#next").ClickAsync();

        await page.Locator("#confirmation").WaitForAsync();
        Assert.Contains("周七", await page.Locator("#confirmation").InnerTextAsync());
        var similar = await page.Locator("#similar a").AllInnerTextsAsync();
        Assert.Contains(title, similar);
        Assert.True(similar.Count <= 5);

        await page.Locator("#edit").ClickAsync();
        await page.Locator("#description").WaitForAsync();
        Assert.Equal($"请提供{title}", await page.Locator("#description").InputValueAsync());
        await page.Locator("#description").FillAsync($"请提供{title}，以及相关附件");
        await page.Locator("#next").ClickAsync();
        await page.Locator("#submit").ClickAsync();

        await page.Locator("#query-code").WaitForAsync();
        Assert.Matches(@"^\d{4}-[2-9A-Z]{8}$", (await page.Locator("#query-code").InnerTextAsync()).Trim());
        var overflow = await page.EvaluateAsync<double>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the phone screen");
    }
}
