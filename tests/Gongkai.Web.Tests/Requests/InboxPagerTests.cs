using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Web.Pages.Staff.Requests;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

/// <summary>The inbox lists' pager: 上一页 / 下一页, page numbers around the current page, total pages from the status count.</summary>
public sealed class InboxPagerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData(1, 1, "")]
    [InlineData(1, 3, "1 2 3")]
    [InlineData(1, 10, "1 2 3 … 10")]
    [InlineData(5, 10, "1 … 3 4 5 6 7 … 10")]
    [InlineData(4, 10, "1 2 3 4 5 6 … 10")]
    [InlineData(10, 10, "1 … 8 9 10")]
    [InlineData(15, 10, "1 … 8 9 10")]
    public void Page_numbers_around_the_current_page(int current, int pages, string expected)
    {
        var pager = new InboxPager(current, pages);
        Assert.Equal(expected, pager.Shown ? string.Join(" ", pager.Numbers().Select(n => n?.ToString(CultureInfo.InvariantCulture) ?? "…")) : "");
    }

    [Fact]
    public void Total_pages_come_from_the_total()
    {
        Assert.Equal(0, InboxPager.Of(1, 0, 50).Pages);
        Assert.Equal(1, InboxPager.Of(1, 50, 50).Pages);
        Assert.Equal(2, InboxPager.Of(1, 51, 50).Pages);
        Assert.Equal(1, InboxPager.Of(-3, 51, 50).Current);
    }

    [Fact]
    public async Task The_closed_list_pages_with_previous_next_and_numbers()
    {
        // 130 closed register lines make sure 已办结 has at least three pages of 50.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var csv = new System.Text.StringBuilder("received_on,channel,applicant_type,applicant_name,description,result,decided_on,extended\n");
        for (var i = 0; i < 130; i++)
            csv.Append(CultureInfo.InvariantCulture, $"{today.AddDays(-100 - i):yyyy-MM-dd},letter,natural_person,分页甲{i},分页测试申请 {i},result.granted,{today.AddDays(-90 - i):yyyy-MM-dd},false\n");
        await using (var core = app.CoreServices())
        await using (var scope = core.CreateAsyncScope())
        {
            var (_, errors) = await scope.ServiceProvider.GetRequiredService<ImportRegister>().RunAsync("jyj", new StringReader(csv.ToString()), "test");
            Assert.Empty(errors);
        }

        var handler = await app.LoginAsync(StaffRole.request_handler);
        var parser = new HtmlParser();
        var first = parser.ParseDocument(await handler.GetStringAsync("/staff/requests?status=Closed"));
        var total = int.Parse(Regex.Match(first.QuerySelector("#inbox caption")!.TextContent, @"共 (\d+) 件").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(total >= 130);
        var pages = (total + 49) / 50;
        var pager = first.QuerySelector("#inbox-pager")!;
        Assert.Null(pager.QuerySelector("a[rel=prev]"));
        Assert.Equal("1", pager.QuerySelector("[aria-current=page]")!.TextContent);
        Assert.Contains($"第 1 / {pages} 页", pager.TextContent);
        var next = pager.QuerySelector("a[rel=next]")!;
        Assert.Equal("下一页", next.TextContent);
        Assert.Contains("status=Closed", next.GetAttribute("href"));
        Assert.EndsWith("p=2", next.GetAttribute("href"));
        Assert.Equal(pages.ToString(CultureInfo.InvariantCulture), pager.QuerySelectorAll("a:not([rel])").Last().TextContent);

        var second = parser.ParseDocument(await handler.GetStringAsync(System.Net.WebUtility.HtmlDecode(next.GetAttribute("href")!)));
        var pager2 = second.QuerySelector("#inbox-pager")!;
        Assert.Equal("2", pager2.QuerySelector("[aria-current=page]")!.TextContent);
        Assert.EndsWith("p=1", pager2.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(50, second.QuerySelectorAll("#inbox tbody tr").Length);
        // Page 2 lists other requests than page 1.
        var ids1 = first.QuerySelectorAll("#inbox tbody a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.DoesNotContain(second.QuerySelectorAll("#inbox tbody a").Select(a => a.GetAttribute("href")), ids1.Contains);

        var last = parser.ParseDocument(await handler.GetStringAsync($"/staff/requests?status=Closed&p={pages}"));
        var pagerLast = last.QuerySelector("#inbox-pager")!;
        Assert.Null(pagerLast.QuerySelector("a[rel=next]"));
        Assert.Equal(pages.ToString(CultureInfo.InvariantCulture), pagerLast.QuerySelector("[aria-current=page]")!.TextContent);
        Assert.Equal(total - (pages - 1) * 50, last.QuerySelectorAll("#inbox tbody tr").Length);
    }
}
