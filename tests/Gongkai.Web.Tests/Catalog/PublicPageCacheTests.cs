using System.Net;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Catalog;

/// <summary>
/// The output cache of the public column: anonymous GETs are served from it (the response then
/// carries an Age header), a publication shows at once, and staff sessions and searches never
/// touch it in either direction.
/// </summary>
public sealed class PublicPageCacheTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string Agency = StaffClient.DemoAgency(StaffRole.editor);

    private static async Task<(string Html, bool FromCache)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    [Fact]
    public async Task Anonymous_pages_are_cached_and_a_publication_shows_immediately()
    {
        var anonymous = app.Anonymous();
        var column = $"/gk/{Agency}";
        await GetAsync(anonymous, column);
        Assert.True((await GetAsync(anonymous, column)).FromCache);
        var itemId = await WithDbAsync(db => db.PublishedItems.AsNoTracking()
            .Where(p => db.Agencies.Any(a => a.Id == p.AgencyId && a.Code == Agency)).Select(p => p.ItemId).FirstAsync());
        await GetAsync(anonymous, $"/gk/{Agency}/items/{itemId}");
        Assert.True((await GetAsync(anonymous, $"/gk/{Agency}/items/{itemId}")).FromCache);

        var title = $"关于公布第{Random.Shared.Next(100000, 999999)}号缓存检查结果的通知";
        var editor = await app.LoginAsync(StaffRole.editor);
        var created = await editor.PostFormAsync("/staff/catalog/new", new()
        {
            ["Input.Title"] = title, ["Input.Category"] = "art20_1", ["Input.Topic"] = "general_affairs",
            ["Input.Genre"] = "notice", ["Input.Kind"] = "other", ["Input.WrittenOn"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Input.Mode"] = "proactive",
            ["Input.Body"] = "缓存检查。",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editPath = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(editPath.Split('/')[3]);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(editPath + "?handler=Submit", [], tokenFrom: editPath)).StatusCode);
        var reviewer = await app.LoginAsync(StaffRole.reviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync($"/staff/catalog/{id}/approve", new() { ["Basis"] = "本机关保密审查制度" }, tokenFrom: $"/staff/catalog/{id}")).StatusCode);

        var after = await GetAsync(anonymous, column);
        Assert.False(after.FromCache);
        Assert.Contains(title, after.Html);
        Assert.Contains(title, (await GetAsync(anonymous, $"/gk/{Agency}/items/{id}")).Html);
    }

    [Fact]
    public async Task Staff_sessions_and_searches_neither_read_nor_fill_the_cache()
    {
        var anonymous = app.Anonymous();
        var staff = await app.LoginAsync(StaffRole.editor);
        var url = $"/gk/{Agency}?year=2021";

        // A staff request first: rendered for them, not stored for the public.
        Assert.False((await GetAsync(staff, url)).FromCache);
        Assert.False((await GetAsync(anonymous, url)).FromCache);
        // Now cached for the public, but a staff session still gets its own rendering.
        Assert.True((await GetAsync(anonymous, url)).FromCache);
        Assert.False((await GetAsync(staff, url)).FromCache);
        Assert.False((await GetAsync(staff, $"/gk/{Agency}/guide")).FromCache);

        var search = $"/gk/{Agency}?q=%E4%BD%8E%E4%BF%9D";
        Assert.False((await GetAsync(anonymous, search)).FromCache);
        Assert.False((await GetAsync(anonymous, search)).FromCache);
    }

    [Fact]
    public async Task The_columns_apply_link_opens_the_form_with_the_agency_chosen()
    {
        var anonymous = app.Anonymous();
        var link = $"/requests/apply?agency={Agency}";
        Assert.Contains($"href=\"{link}\"", (await GetAsync(anonymous, $"/gk/{Agency}/rules")).Html);
        var form = (await GetAsync(anonymous, link)).Html;
        Assert.Matches($"<option value=\"{Agency}\" selected=\"selected\"", form);
    }

    private async Task<T> WithDbAsync<T>(Func<GongkaiDb, Task<T>> f)
    {
        await using var services = app.CoreServices();
        await using var scope = services.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<GongkaiDb>());
    }
}
