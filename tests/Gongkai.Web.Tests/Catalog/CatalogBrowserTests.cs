using Gongkai.Demo;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Catalog;

/// <summary>The publishing journey in headless Chromium, and hostile input shown inert.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogBrowserTests(BrowserFixture browser)
{
    private static string SamplePdf => Path.Combine(AppContext.BaseDirectory, "Catalog", "Samples", "notice.pdf");

    private async Task<IPage> LoginAsync(string user)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/staff/login");
        await page.FillAsync("input[name='Input.UserName']", user);
        await page.FillAsync("input[name='Input.Password']", DemoStaff.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/staff**");
        return page;
    }

    private static async Task<string> DraftAsync(IPage editor, string title, string body, string? attachmentName)
    {
        await editor.GotoAsync("/staff/catalog/new");
        await editor.FillAsync("#Input_Title", title);
        await editor.SelectOptionAsync("#Input_Category", "art20_11");
        await editor.FillAsync("#Input_Body", body);
        await editor.ClickAsync("fieldset button[type=submit]");
        await editor.WaitForURLAsync("**/edit");
        if (attachmentName is not null)
        {
            await editor.SetInputFilesAsync("#file", new FilePayload { Name = attachmentName, MimeType = "application/pdf", Buffer = await File.ReadAllBytesAsync(SamplePdf) });
            await editor.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
            await Assertions.Expect(editor.Locator("main")).ToContainTextAsync("已上传附件");
        }
        var id = editor.Url.Split('/')[^2];
        await editor.ClickAsync("text=提交审核");
        await Assertions.Expect(editor.Locator("main")).ToContainTextAsync("已提交审核");
        return id;
    }

    private async Task ApproveAsync(string id)
    {
        var reviewer = await LoginAsync("jyj.reviewer");
        await reviewer.GotoAsync($"/staff/catalog/{id}");
        await reviewer.ClickAsync("text=审查通过并发布");
        await Assertions.Expect(reviewer.Locator("main")).ToContainTextAsync("审查通过，已发布");
    }

    [Fact]
    public async Task An_item_drafted_with_an_attachment_and_approved_is_found_by_a_two_character_word_and_read_on_a_phone()
    {
        var editor = await LoginAsync("jyj.editor");
        var id = await DraftAsync(editor, "关于做好学生营养餐供应工作的通知", "各学校要落实营养餐供应责任，确保食材新鲜。", "营养餐实施方案.pdf");
        await ApproveAsync(id);

        var phone = await browser.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync("/gk/jyj");
        var entry = phone.Locator(".item-list li", new() { HasText = "学生营养餐供应" });
        await Assertions.Expect(entry).ToContainTextAsync("索引号：");
        await phone.FillAsync("#q", "食材");
        await phone.PressAsync("#q", "Enter");
        await phone.ClickAsync("a.item-title:has-text('学生营养餐供应')");
        await Assertions.Expect(phone.Locator("h1.item-title")).ToHaveTextAsync("关于做好学生营养餐供应工作的通知");
        await Assertions.Expect(phone.Locator(".meta-table")).ToContainTextAsync("索引号");
        await Assertions.Expect(phone.Locator(".attachments a")).ToHaveTextAsync("营养餐实施方案.pdf");
        await Assertions.Expect(phone.Locator(".qr svg")).ToBeVisibleAsync();
        var overflow = await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the item page must not scroll sideways at phone width");
    }

    [Fact]
    public async Task A_hostile_body_and_attachment_name_are_shown_inert()
    {
        var editor = await LoginAsync("jyj.editor");
        const string body = "正文<script>window.__pwned = 1</script>\n\n<img src=x onerror=\"window.__pwned = 2\">\n\n[点我](javascript:window.__pwned=3) [再点](JaVaScRiPt:window.__pwned=4)";
        var id = await DraftAsync(editor, "测试恶意内容的展示", body, "<img src=x onerror=window.__pwned=5>..\\..\\evil.pdf");
        await ApproveAsync(id);

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/gk/jyj/items/{id}");
        Assert.Null(await page.EvaluateAsync<object?>("window.__pwned"));
        Assert.Equal(0, await page.Locator(".item-body script, .item-body img, .attachments img").CountAsync());
        await Assertions.Expect(page.Locator(".item-body")).ToContainTextAsync("<script>window.__pwned = 1</script>");
        foreach (var href in await page.Locator(".item-body a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href') || '')"))
            Assert.DoesNotContain("script:", href.ToLowerInvariant());
        var name = await page.Locator(".attachments a").TextContentAsync();
        Assert.Equal("evil.pdf", name);
        await page.ClickAsync(".item-body >> text=点我");
        Assert.Null(await page.EvaluateAsync<object?>("window.__pwned"));
    }
}
