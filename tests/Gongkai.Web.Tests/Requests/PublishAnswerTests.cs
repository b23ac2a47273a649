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
    public async Task The_catalogue_item_links_back_to_its_request_for_staff_who_may_see_it_and_the_request_links_to_the_published_item()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var description = $"云溪县教育局2025年食堂承包合同 {Guid.NewGuid():N}"[..36];
        var id = await SubmitAsync(description);
        var handler = await app.LoginAsync(StaffRole.request_handler);
        await Post(handler, id, "Assign", []);
        await Post(handler, id, "Decide", new() { ["Choice"] = "disclosed", ["Text"] = "食堂承包合同全文见附件。" });
        var done = await Post(handler, id, "PublishAnswer", new() { ["Choice"] = "art20_10" });
        var itemId = Guid.Parse(Regex.Match(done, "id=\"catalog-link\">[^<]*<a href=\"/staff/catalog/([0-9a-f-]{36})\"").Groups[1].Value);
        Assert.Contains("查看草稿", done);
        string code;
        await using (var core = app.CoreServices())
        await using (var scope = core.CreateAsyncScope())
            code = await scope.ServiceProvider.GetRequiredService<GongkaiDb>().DisclosureRequests.Where(r => r.Id == id).Select(r => r.QueryCode).SingleAsync();

        var editor = await app.LoginAsync(StaffRole.editor);
        var draftPage = WebUtility.HtmlDecode(await editor.GetStringAsync($"/staff/catalog/{itemId}"));
        Assert.Matches($"id=\"request-origin\">.*依申请公开的答复.*<a href=\"/staff/requests/{id}\">{code}</a>", draftPage);

        // Through the normal review; the request page then names the published item by its index number.
        var editPath = $"/staff/catalog/{itemId}/edit";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(editPath + "?handler=Submit", [], tokenFrom: editPath)).StatusCode);
        var reviewer = await app.LoginAsync(StaffRole.reviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync($"/staff/catalog/{itemId}/approve", new() { ["Basis"] = "本机关保密审查制度" }, tokenFrom: $"/staff/catalog/{itemId}")).StatusCode);
        string indexNo;
        await using (var core = app.CoreServices())
        await using (var scope = core.CreateAsyncScope())
            indexNo = (await scope.ServiceProvider.GetRequiredService<GongkaiDb>().CatalogItems.Where(i => i.Id == itemId).Select(i => i.IndexNo).SingleAsync())!;
        var requestPage = WebUtility.HtmlDecode(await handler.GetStringAsync($"/staff/requests/{id}"));
        Assert.Contains($"<a href=\"/staff/catalog/{itemId}\">索引号 {indexNo}</a>（已发布）", requestPage);
        Assert.Contains($"<a href=\"/staff/requests/{id}\">{code}</a>", WebUtility.HtmlDecode(await reviewer.GetStringAsync($"/staff/catalog/{itemId}")));
        // The competent office sees every agency's requests, so it gets the link too.
        var admin = await app.LoginAsync(StaffRole.platform_admin);
        Assert.Contains($"<a href=\"/staff/requests/{id}\">{code}</a>", WebUtility.HtmlDecode(await admin.GetStringAsync($"/staff/catalog/{itemId}")));
        // The public page says nothing about the request.
        Assert.DoesNotContain(code, await app.Anonymous().GetStringAsync($"/gk/jyj/items/{itemId}"));

        // Someone who may not see the request learns only that the item came from one.
        await using (var core = app.CoreServices())
        await using (var scope = core.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var other = await db.Agencies.Where(a => a.Code != "jyj").Select(a => a.Id).FirstAsync();
            var links = scope.ServiceProvider.GetRequiredService<AnswerLinks>();
            Assert.Equal(new ItemRequestOrigin(null, null), await links.OriginOfAsync(new StaffActor(Guid.NewGuid(), "x", other, new HashSet<StaffRole> { StaffRole.editor }), itemId));
            Assert.Equal(new ItemRequestOrigin(id, code), await links.OriginOfAsync(new StaffActor(Guid.NewGuid(), "x", (await db.Agencies.SingleAsync(a => a.Code == "jyj")).Id, new HashSet<StaffRole> { StaffRole.editor }), itemId));
        }
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
