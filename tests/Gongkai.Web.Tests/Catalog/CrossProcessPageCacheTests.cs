using System.Diagnostics;
using System.Net;
using System.Text;
using Gongkai.Catalog;
using Gongkai.Catalog.Import;
using Gongkai.Data;
using Gongkai.Web.Catalog;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Catalog;

/// <summary>
/// A catalogue import by another process (here a second service provider over the same database, as the
/// <c>gongkai</c> command line builds it) shows on the cached public pages within about a second
/// (<see cref="CatalogStampWatch.Interval"/>), not after the cache lifetime; afterwards the pages are cached again.
/// </summary>
public abstract class CrossProcessPageCacheTests(GongkaiAppFactory app)
{
    private static async Task<(string Html, bool FromCache)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    [Fact]
    public async Task An_import_by_another_process_shows_on_cached_pages_within_the_check_interval()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var anonymous = app.Anonymous();
        const string column = "/gk/jyj";
        await GetAsync(anonymous, column);
        Assert.True((await GetAsync(anonymous, column)).FromCache);

        var title = $"关于公布第{Random.Shared.Next(100000, 999999)}号跨进程缓存检查结果的通知";
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var csv = $"title,doc_no,category,kind,written_on,published_on,validity,summary,body\n{title},,1,other,{today},{today},有效,跨进程缓存检查,跨进程缓存检查。\n";
        Guid itemId;
        await using (var cli = app.CoreServices())
        await using (var scope = cli.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var agency = await db.Agencies.Where(a => a.Code == "jyj").Select(a => a.Id).SingleAsync();
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportCatalog>()
                .RunAsync(CatalogActor.System("test", agency), "jyj", new MemoryStream(Encoding.UTF8.GetBytes(csv)));
            Assert.Empty(outcome.Problems);
            itemId = await db.PublishedItems.Where(p => p.Title == title).Select(p => p.ItemId).SingleAsync();
        }

        // The web process did not see the save; it notices the stamp at its next check (≤ 1 s, plus the read).
        var clock = Stopwatch.StartNew();
        string html;
        do
        {
            html = (await GetAsync(anonymous, column)).Html;
            if (html.Contains(title)) break;
            await Task.Delay(100);
        } while (clock.Elapsed < TimeSpan.FromSeconds(10));
        string stampNow;
        await using (var cli = app.CoreServices())
        await using (var scope = cli.CreateAsyncScope())
            stampNow = (await scope.ServiceProvider.GetRequiredService<GongkaiDb>().Set<CatalogStamp>().SingleAsync()).Value.ToString();
        var fresh = (await GetAsync(anonymous, column + "?nocache=" + Guid.NewGuid())).Html.Contains(title);
        Assert.True(html.Contains(title), $"the import did not show within 10 s; stamp {stampNow}; uncached page shows it: {fresh}");
        Assert.True(clock.Elapsed < CatalogStampWatch.Interval + TimeSpan.FromSeconds(1.5), $"shown after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Contains(title, (await GetAsync(anonymous, $"/gk/jyj/items/{itemId}")).Html);
        // And cached again from then on.
        Assert.True((await GetAsync(anonymous, column)).FromCache);
    }
}

public sealed class SqliteCrossProcessPageCacheTests(SqliteApp app) : CrossProcessPageCacheTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCrossProcessPageCacheTests(PostgresApp app) : CrossProcessPageCacheTests(app), IClassFixture<PostgresApp>;
