using System.Text;
using Gongkai.Agencies;
using Gongkai.Catalog;
using Gongkai.Catalog.Import;
using Gongkai.Data;
using Gongkai.Search;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Catalog;

/// <summary>
/// PostgreSQL: catalog_search_title (the title positions that "title matches first" reads, migration
/// 20261204200001) follows catalog_search through its trigger on every way the index is written —
/// bulk import, re-indexing one item, removal, rebuild, TRUNCATE — so a changed title is found by its
/// new words only.
/// </summary>
public sealed class SearchTitleTableTests
{
    [Fact]
    public async Task The_title_table_follows_every_write_of_the_search_index()
    {
        var server = await PostgresServer.SharedAsync();
        if (!server.RequireOrReport(nameof(The_title_table_follows_every_write_of_the_search_index))) return;
        var services = new ServiceCollection().AddLogging();
        services.AddGongkaiCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres", ["ConnectionStrings:Gongkai"] = await server.CreateDatabaseAsync("titles"),
        }).Build());
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
            var agency = await scope.ServiceProvider.GetRequiredService<AddAgency>().RunAsync(new AgencyDetails
            {
                Code = "kfx", Name = "开府县人民政府", CreditCode = Gongkai.Demo.DemoAgencies.CreditCodeFor(0), Kind = AgencyKind.government,
            }, "test");
            var csv = new StringBuilder("title,doc_no,category,kind,written_on,published_on,validity,summary,body\n")
                .AppendLine("关于提高城乡低保标准的通知,,1,other,2024-01-01,2024-02-01,有效,,城乡低保标准每人每月提高50元。")
                .AppendLine("医保缴费通知,,1,other,2024-01-02,2024-02-02,有效,,请做好低保对象的医保缴费。");
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportCatalog>().RunAsync(
                CatalogActor.System("test", agency.Value.Id), "kfx", new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())));
            Assert.Empty(outcome.Problems);
        }

        Assert.Equal((2, 0), await StateAsync(provider));
        Assert.Equal(["关于提高城乡低保标准的通知", "医保缴费通知"], await TitlesAsync(provider, "低保"));

        // Re-indexing an item whose title changed (a revision): the old title words no longer rank it first.
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            await db.Database.ExecuteSqlRawAsync("UPDATE catalog_published SET \"Title\" = '低保对象医保缴费通知' WHERE \"Title\" = '医保缴费通知'");
            var item = await db.PublishedItems.AsNoTracking().SingleAsync(p => p.Title == "低保对象医保缴费通知");
            await scope.ServiceProvider.GetRequiredService<CatalogSearchIndex>().PutAsync(item);
        }
        Assert.Equal((2, 0), await StateAsync(provider));
        Assert.Equal(["低保对象医保缴费通知", "关于提高城乡低保标准的通知"], await TitlesAsync(provider, "低保"));

        // Removal, rebuild and TRUNCATE.
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var index = scope.ServiceProvider.GetRequiredService<CatalogSearchIndex>();
            await index.RemoveAsync((await db.PublishedItems.SingleAsync(p => p.Title == "低保对象医保缴费通知")).SearchKey);
            Assert.Equal((1, 0), await StateAsync(provider));
            await index.RebuildAsync();
            Assert.Equal((2, 0), await StateAsync(provider));
            await db.Database.ExecuteSqlRawAsync("UPDATE catalog_search SET tsv = tsv || CAST('''新增'':1A' AS tsvector)");
            Assert.Equal((2, 0), await StateAsync(provider));
            Assert.Equal(2, (await TitlesAsync(provider, "新增")).Count);
            await db.Database.ExecuteSqlRawAsync("TRUNCATE catalog_search");
            Assert.Equal((0, 0), await StateAsync(provider));
        }
    }

    /// <summary>Rows of the title table, and how many of them differ from the title positions of catalog_search (missing or extra rows included).</summary>
    private static async Task<(int Rows, int Differing)> StateAsync(ServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var rows = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM catalog_search_title").SingleAsync();
        var differing = await db.Database.SqlQueryRaw<int>("""
            SELECT COUNT(*)::int AS "Value" FROM catalog_search s FULL JOIN catalog_search_title t ON t.search_key = s.search_key
            WHERE t.tsv IS DISTINCT FROM ts_filter(s.tsv, ARRAY['a']::"char"[])
            """).SingleAsync();
        return (rows, differing);
    }

    private static async Task<List<string>> TitlesAsync(ServiceProvider provider, string q)
    {
        await using var scope = provider.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<SearchCatalog>().RunAsync(new CatalogFilter { Q = q });
        return page.Items.Select(i => i.Title).ToList();
    }
}
