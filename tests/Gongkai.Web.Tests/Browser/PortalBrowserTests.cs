using Gongkai.Demo;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class PortalBrowserTests(BrowserFixture browser)
{
    /// <summary>Screenshots land here for people to look at; tests do not compare them.</summary>
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "gongkai-screenshots");

    [Fact]
    public async Task Home_page_renders_the_chinese_site_name_agencies_and_footer_in_chromium()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("云溪县人民政府", await page.TitleAsync());
        Assert.Equal("云溪县人民政府", (await page.Locator(".site-name").InnerTextAsync()).Trim('★', ' ', '\n'));
        Assert.True(await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "云溪县教育局" }).IsVisibleAsync());
        Assert.Contains("政府网站标识码", await page.Locator("footer").InnerTextAsync());
        // The CJK font really renders: a Chinese heading is wider than a few pixels per character.
        var width = await page.Locator("h1").EvaluateAsync<double>("h => { const r = document.createRange(); r.selectNodeContents(h); return r.getBoundingClientRect().width; }");
        Assert.True(width > 4 * 12, $"h1 text is only {width}px wide");
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "home.png"), FullPage = true });
    }

    [Fact]
    public async Task Font_size_buttons_enlarge_and_shrink_the_text_and_remember_the_choice()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        async Task<double> Size() => await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)");
        var medium = await Size();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "大", Exact = true }).ClickAsync();
        Assert.True(await Size() > medium);
        await page.ReloadAsync();
        Assert.True(await Size() > medium);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "小", Exact = true }).ClickAsync();
        Assert.True(await Size() < medium);
    }

    [Fact]
    public async Task At_phone_width_the_page_does_not_scroll_sideways()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/");
        var overflow = await page.EvaluateAsync<double>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the phone screen");
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "home-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task A_demo_login_signs_in_through_the_form_and_sees_only_its_menu()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/staff/agencies");
        Assert.Contains("/staff/login", page.Url);
        await page.GetByLabel("用户名").FillAsync("jyj.admin");
        await page.GetByLabel("密码").FillAsync(DemoStaff.Password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/agencies");
        var menu = await page.Locator(".staff-nav").InnerTextAsync();
        Assert.Contains("机关管理", menu);
        Assert.DoesNotContain("审计日志", menu);
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "staff-agencies.png"), FullPage = true });

        await page.GotoAsync("/staff/agencies/jyj/edit");
        await page.GetByLabel("联系电话").FillAsync("<script>");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        Assert.Contains("不能包含尖括号", await page.Locator("[data-valmsg-for='Input.OfficePhone']").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "staff-edit-error.png"), FullPage = true });
    }
}

[Collection(BrowserCollection.Name)]
public class AuditBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_platform_admin_browses_the_audit_log_and_filters_it_by_agency()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/staff/login?ReturnUrl=%2Fstaff%2Faudit");
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync(DemoStaff.Password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/audit");
        Assert.NotEmpty(await page.Locator("tbody tr").AllInnerTextsAsync());

        // Later features write many demo entries, so find the agency's creation through the action filter.
        await page.GetByLabel("操作", new() { Exact = true }).FillAsync("agencies.add");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync("**action=agencies.add**");
        Assert.Contains("新增机关“云溪县教育局”", await page.Locator("table").InnerTextAsync());
        await page.GetByLabel("操作", new() { Exact = true }).FillAsync("");

        await page.GetByLabel("机关").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "云溪县民政局" });
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync("**agency=mzj**");
        var rows = await page.Locator("tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("云溪县民政局", r));
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gongkai-screenshots"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "gongkai-screenshots", "staff-audit.png"), FullPage = true });
    }
}
