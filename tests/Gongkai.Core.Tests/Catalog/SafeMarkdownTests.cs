using AngleSharp.Html.Parser;
using Gongkai.Catalog;

namespace Gongkai.Core.Tests.Catalog;

public class SafeMarkdownTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string markdown) =>
        new HtmlParser().ParseDocument("<body>" + SafeMarkdown.ToHtml(markdown) + "</body>");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("正文<img src=x onerror=alert(1)>结束")]
    [InlineData("<a href=\"javascript:alert(1)\">点我</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg onload=alert(1)>")]
    public void Raw_html_is_shown_as_text_not_markup(string markdown)
    {
        var doc = Parse(markdown);
        Assert.Empty(doc.QuerySelectorAll("script, img, iframe, svg, a"));
        Assert.Contains("<", doc.Body!.TextContent); // the tag is visible as text
    }

    [Theory]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("[点我](JaVaScRiPt:alert(1))")]
    [InlineData("[点我](java&#09;script:alert(1))")]
    [InlineData("[点我](&#106;avascript:alert(1))")]
    [InlineData("[点我](javascript&colon;alert(1))")]
    [InlineData("[点我](vbscript:msgbox(1))")]
    [InlineData("[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[点我](<javascript:alert(1)>)")]
    [InlineData("[点我][r]\n\n[r]: javascript:alert(1)")]
    public void Links_with_dangerous_schemes_lose_their_address_but_keep_their_text(string markdown)
    {
        var doc = Parse(markdown);
        foreach (var a in doc.QuerySelectorAll("a"))
        {
            var href = a.GetAttribute("href") ?? "";
            Assert.DoesNotContain("script:", href.ToLowerInvariant());
            if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var uri)) Assert.Contains(uri.Scheme, new[] { "http", "https", "mailto" });
        }
        Assert.Contains("点我", doc.Body!.TextContent);
    }

    [Fact]
    public void An_autolink_with_a_dangerous_scheme_is_plain_text()
    {
        var doc = Parse("见 <javascript:alert(1)> 和 <vbscript:x>");
        Assert.Empty(doc.QuerySelectorAll("a"));
    }

    [Theory]
    [InlineData("[政府网](https://www.gov.cn/)", "https://www.gov.cn/")]
    [InlineData("[旧站](http://example.gov.cn/a?b=1)", "http://example.gov.cn/a?b=1")]
    [InlineData("[来信](mailto:gk@example.gov.cn)", "mailto:gk@example.gov.cn")]
    [InlineData("[附件](/gk/czj/items/5)", "/gk/czj/items/5")]
    [InlineData("[本页](#part2)", "#part2")]
    [InlineData("访问 https://www.gov.cn 了解", "https://www.gov.cn")]
    public void Safe_links_are_kept_with_rel_nofollow(string markdown, string href)
    {
        var a = Assert.Single(Parse(markdown).QuerySelectorAll("a"));
        Assert.Equal(href, a.GetAttribute("href"));
        Assert.Contains("nofollow", a.GetAttribute("rel") ?? "");
    }

    [Fact]
    public void Images_may_only_come_from_http_or_relative_addresses()
    {
        Assert.Single(Parse("![图](/files/a.png)").QuerySelectorAll("img"));
        var doc = Parse("![示意图](javascript:alert(1))");
        Assert.Empty(doc.QuerySelectorAll("img"));
        Assert.Contains("示意图", doc.Body!.TextContent);
    }

    [Fact]
    public void Attribute_syntax_is_not_an_extension_here()
    {
        var doc = Parse("# 标题 {onclick=alert(1)}\n\n段落{#x onmouseover=alert(1)}");
        Assert.Empty(doc.QuerySelectorAll("[onclick], [onmouseover]"));
    }

    [Fact]
    public void Headings_start_below_the_page_title_and_tables_and_line_breaks_render()
    {
        var doc = Parse("# 一、总则\n\n第一行\n第二行\n\n| 项目 | 金额 |\n|---|---|\n| 低保 | 50 |");
        Assert.NotNull(doc.QuerySelector("h2"));
        Assert.Null(doc.QuerySelector("h1"));
        Assert.NotNull(doc.QuerySelector("br"));
        Assert.Equal("低保", doc.QuerySelector("td")!.TextContent);
    }

    [Fact]
    public void Plain_text_drops_the_markup_for_the_index()
    {
        var text = SafeMarkdown.ToPlainText("## 标题\n\n**低保**标准见[附件](/a)。");
        Assert.Contains("低保标准见附件。", text);
        Assert.DoesNotContain("*", text);
    }
}
