using System.Net;
using System.Text.Json;
using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Catalog;

/// <summary>The public catalogue and the staff workflow through the real HTTP pipeline, on the demo county.</summary>
public abstract class CatalogWebTests(GongkaiAppFactory app)
{
    private bool Ready() => app.ReadyFor(GetType().Name);

    private async Task<T> WithDbAsync<T>(Func<GongkaiDb, Task<T>> f)
    {
        await using var services = app.CoreServices();
        await using var scope = services.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<GongkaiDb>());
    }

    [Fact]
    public async Task The_api_answers_the_documented_shape_with_the_portal_search()
    {
        if (!Ready()) return;
        var client = app.Anonymous();
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/items?q=%E4%BD%8E%E4%BF%9D&agency=mzj&page=1")).RootElement;
        var total = json.GetProperty("total").GetInt32();
        Assert.True(total > 0);
        var first = json.GetProperty("items")[0];
        foreach (var key in new[] { "indexNo", "title", "agency", "docNo", "publishedOn", "validity", "url" }) Assert.True(first.TryGetProperty(key, out _), key);
        Assert.Equal("云溪县民政局", first.GetProperty("agency").GetString());
        Assert.Contains("/gk/mzj/items/", first.GetProperty("url").GetString());

        var portal = await client.GetStringAsync("/search?q=%E4%BD%8E%E4%BF%9D&agency=mzj");
        Assert.Contains($"共 {total} 条", portal);
    }

    [Fact]
    public async Task A_search_without_results_says_so_in_chinese_and_suggests_what_to_try()
    {
        if (!Ready()) return;
        var page = await app.Anonymous().GetStringAsync("/search?q=" + Uri.EscapeDataString("量子计算 <b>x</b>"));
        Assert.Contains("共 0 条", page);
        Assert.Contains("没有找到包含 “量子计算”、“&lt;b&gt;x&lt;/b&gt;” 的信息。", page);
        Assert.Contains("可以试试：检查是否有错别字", page);
    }

    [Theory]
    [InlineData("/api/v1/items?category=16")]
    [InlineData("/api/v1/items?page=0")]
    [InlineData("/api/v1/items?year=12")]
    public async Task Bad_api_parameters_get_a_400_with_a_chinese_reason(string url)
    {
        if (!Ready()) return;
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("参数有误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_column_item_page_feed_sitemap_and_export_are_served()
    {
        if (!Ready()) return;
        var client = app.Anonymous();
        var column = await client.GetStringAsync("/gk/czj");
        Assert.Contains("法定主动公开内容", column);
        Assert.Contains("政府信息公开指南", column);
        var item = await WithDbAsync(db => db.PublishedItems.AsNoTracking().Where(p => db.Agencies.Any(a => a.Id == p.AgencyId && a.Code == "czj")).FirstAsync());
        var page = await client.GetStringAsync($"/gk/czj/items/{item.ItemId}");
        Assert.Contains(item.IndexNo, page);
        Assert.Contains("扫一扫在手机打开当前页", page);
        Assert.Contains("<svg", page);
        Assert.Contains(item.IndexNo, await client.GetStringAsync($"/gk/czj/items/{item.ItemId}/print"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/gk/jyj/items/{item.ItemId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/gk/nosuch")).StatusCode);
        Assert.Contains("<feed", await client.GetStringAsync("/gk/czj/feed.atom"));
        Assert.Contains($"/gk/czj/items/{item.ItemId}", await client.GetStringAsync("/sitemap.xml"));
        var csv = await client.GetStringAsync("/catalog.csv?agency=czj");
        Assert.StartsWith("index_no,title", csv.TrimStart('\uFEFF'));
        Assert.Contains(item.IndexNo, csv);
        Assert.Contains("办公地址", await client.GetStringAsync("/gk/czj/guide"));
    }

    [Fact]
    public async Task An_editor_drafts_and_submits_a_reviewer_approves_and_the_public_finds_it()
    {
        if (!Ready()) return;
        var editor = await app.LoginAsync(StaffRole.editor);
        var created = await editor.PostFormAsync("/staff/catalog/new", new()
        {
            ["Input.Title"] = "关于开展校园饮水安全检查的通知", ["Input.Category"] = "art20_13", ["Input.Topic"] = "science_education",
            ["Input.Genre"] = "notice", ["Input.Kind"] = "other", ["Input.WrittenOn"] = "2024-03-01", ["Input.Mode"] = "proactive",
            ["Input.Body"] = "各学校要对直饮水设备开展一次全面检查，确保师生饮水安全。",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editPath = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(editPath.Split('/')[3]);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(editPath + "?handler=Submit", [], tokenFrom: editPath)).StatusCode);

        // The editor cannot approve; a reviewer of another agency cannot even see it.
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostFormAsync($"/staff/catalog/{id}/approve", [], tokenFrom: "/staff")).StatusCode);
        var reviewer = await app.LoginAsync(StaffRole.reviewer);
        var approved = await reviewer.PostFormAsync($"/staff/catalog/{id}/approve", new() { ["Basis"] = "本机关保密审查制度" }, tokenFrom: $"/staff/catalog/{id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var indexNo = await WithDbAsync(db => db.CatalogItems.Where(i => i.Id == id).Select(i => i.IndexNo).SingleAsync());
        Assert.NotNull(indexNo);
        var search = await app.Anonymous().GetStringAsync("/search?q=%E7%9B%B4%E9%A5%AE"); // 直饮
        Assert.Contains(indexNo!, search);
        Assert.Contains("<mark>直饮</mark>", search);
    }

    [Fact]
    public async Task Staff_of_another_agency_neither_see_nor_act_on_an_item()
    {
        if (!Ready()) return;
        var item = await WithDbAsync(db => db.CatalogItems.AsNoTracking().FirstAsync(i => i.Status == ItemStatus.submitted));
        var other = $"mzj.reviewer{Random.Shared.Next(1000, 9999)}";
        await using (var services = app.CoreServices())
        await using (var scope = services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<AddStaffUser>().RunAsync(
                new AddStaffUser.Input("mzj", other, "民政局审核", [StaffRole.reviewer], "OtherAgency2026!"), "test");
            Assert.True(added.Succeeded);
        }
        var client = await app.LoginAsync(other, "OtherAgency2026!");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/catalog/{item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/staff/catalog/{item.Id}/approve", new() { ["Basis"] = "x" }, tokenFrom: "/staff")).StatusCode);
        var editor = await app.LoginAsync(StaffRole.editor);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/staff/catalog/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(ItemStatus.submitted, await WithDbAsync(db => db.CatalogItems.Where(i => i.Id == item.Id).Select(i => i.Status).SingleAsync()));
    }
}

public sealed class SqliteCatalogWebTests(SqliteApp app) : CatalogWebTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCatalogWebTests(PostgresApp app) : CatalogWebTests(app), IClassFixture<PostgresApp>;
