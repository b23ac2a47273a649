using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

/// <summary>Art. 44: a granted answer becomes a catalogue draft in one step; repeated requests suggest proactive disclosure.</summary>
public abstract class PublishAnswerTests(GongkaiAppFactory app)
{
    private async Task<Guid> SubmitAsync(string description, string type = "natural_person", string id = "110101199003074477", string name = "孙八")
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/agencies/jyj/requests", new
        {
            applicantType = type, name, idNumber = id, phone = "13700137000", description, form = "electronic", delivery = "online",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queryCode").GetString()!;
        await using var core = app.CoreServices();
        await using var scope = core.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDb>().DisclosureRequests.Where(r => r.QueryCode == code).Select(r => r.Id).SingleAsync();
    }

    private static async Task<string> Post(HttpClient client, Guid id, string handler, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync($"/staff/requests/{id}?handler={handler}", fields, tokenFrom: $"/staff/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_granted_answer_becomes_a_draft_that_still_needs_review_and_links_back_to_the_request()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var description = $"云溪县教育局2025年校舍维修项目清单 {Guid.NewGuid():N}"[..40];
        var id = await SubmitAsync(description);
        var handler = await app.LoginAsync(StaffRole.request_handler);
        Assert.DoesNotContain("id=\"publish-answer\"", await handler.GetStringAsync($"/staff/requests/{id}"));
        Assert.Contains("只有作出予以公开或部分公开决定的申请", await Post(handler, id, "PublishAnswer", new() { ["Choice"] = "art20_10" }));

        await Post(handler, id, "Assign", []);
        Assert.Contains("处理决定已登记", await Post(handler, id, "Decide", new() { ["Choice"] = "disclosed", ["Text"] = "校舍维修项目清单共12项，详见附表。" }));
        Assert.Contains("id=\"publish-answer\"", await handler.GetStringAsync($"/staff/requests/{id}"));
        var editor = await app.LoginAsync(StaffRole.editor);
        var refused = await Post(editor, id, "PublishAnswer", new() { ["Choice"] = "art20_10" });
        Assert.True(refused.Contains("您没有办理该申请的权限"), Regex.Match(refused, "<main.{0,1500}", RegexOptions.Singleline).Value);

        var done = await Post(handler, id, "PublishAnswer", new() { ["Choice"] = "art20_10" });
        Assert.Contains("已生成主动公开草稿", done);
        var itemId = Guid.Parse(Regex.Match(done, "id=\"catalog-link\">[^<]*<a href=\"/staff/catalog/([0-9a-f-]{36})\"").Groups[1].Value);
        Assert.Contains("该申请的答复内容已转为主动公开草稿", await Post(handler, id, "PublishAnswer", new() { ["Choice"] = "art20_10" }));

        await using (var core = app.CoreServices())
        await using (var scope = core.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var item = await db.CatalogItems.AsNoTracking().SingleAsync(i => i.Id == itemId);
            Assert.Equal(ItemStatus.draft, item.Status);
            Assert.Equal(description, item.Title);
            Assert.Equal(description, item.Summary);
            Assert.Equal("校舍维修项目清单共12项，详见附表。", item.Body);
            Assert.Equal(DisclosureCategory.art20_10, item.Category);
            Assert.Null(item.IndexNo);
            Assert.False(await db.PublishedItems.AnyAsync(p => p.ItemId == itemId));
            Assert.Equal(id, (await db.Set<RequestCatalogLink>().SingleAsync(l => l.ItemId == itemId)).RequestId);
        }
        // The public cannot see it before review; the editor finds the draft in the catalogue.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/gk/jyj/items/{itemId}")).StatusCode);
        Assert.Contains(description, WebUtility.HtmlDecode(await editor.GetStringAsync($"/staff/catalog/{itemId}")));
    }

    [Fact]
    public async Task An_answer_that_points_to_already_public_information_is_not_published_again()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var id = await SubmitAsync($"已公开信息测试 {Guid.NewGuid():N}"[..30]);
        var handler = await app.LoginAsync(StaffRole.request_handler);
        await Post(handler, id, "Assign", []);
        Assert.Contains("处理决定已登记", await Post(handler, id, "Decide", new() { ["Choice"] = "already_public", ["Text"] = "已在本机关信息公开专栏公开。" }));
        Assert.DoesNotContain("id=\"publish-answer\"", await handler.GetStringAsync($"/staff/requests/{id}"));
        Assert.Contains("该信息已经主动公开", await Post(handler, id, "PublishAnswer", new() { ["Choice"] = "art20_15" }));
    }

    [Fact]
    public async Task Similar_requests_from_three_different_applicants_show_the_suggestion_but_one_applicant_twice_does_not()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var marker = Guid.NewGuid().ToString("N")[..10];
        var first = await SubmitAsync($"{marker} 城关第一小学2025年学区划分方案");
        await SubmitAsync($"请公开{marker} 城关第一小学2025年学区划分方案及附图");
        var handler = await app.LoginAsync(StaffRole.request_handler);
        // The same applicant twice is one applicant.
        Assert.DoesNotContain("建议转为主动公开", await handler.GetStringAsync($"/staff/requests/{first}"));

        var second = await SubmitAsync($"{marker} 城关第一小学学区划分方案（2025年）", id: "440524188001010014", name: "周九");
        Assert.DoesNotContain("建议转为主动公开", await handler.GetStringAsync($"/staff/requests/{first}"));
        await SubmitAsync($"{marker} 县教育局体育器材采购", id: "91350100M000100Y43", type: "legal_person.legal_service", name: "云溪律师事务所");
        Assert.DoesNotContain("建议转为主动公开", await handler.GetStringAsync($"/staff/requests/{first}")); // not similar

        var third = await SubmitAsync($"申请获取{marker} 城关第一小学2025年学区划分方案", id: "91350100M000100Y43", type: "legal_person.legal_service", name: "云溪律师事务所");
        var page = WebUtility.HtmlDecode(await handler.GetStringAsync($"/staff/requests/{first}"));
        Assert.Contains("建议转为主动公开", page);
        Assert.Contains("已有 3 位不同申请人", page);
        Assert.Contains($"/staff/requests/{second}", page);
        Assert.Contains($"/staff/requests/{third}", page);
        Assert.DoesNotContain("体育器材采购", page);
    }
}

public sealed class SqlitePublishAnswerTests(SqliteApp app) : PublishAnswerTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPublishAnswerTests(PostgresApp app) : PublishAnswerTests(app), IClassFixture<PostgresApp>;
