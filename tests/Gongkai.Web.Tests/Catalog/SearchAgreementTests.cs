using System.Text;
using Gongkai.Agencies;
using Gongkai.Catalog;
using Gongkai.Catalog.Import;
using Gongkai.Data;
using Gongkai.Search;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Catalog;

/// <summary>
/// The same catalogue imported into SQLite (FTS5) and PostgreSQL (tsvector + GIN) answers every
/// query with the same items in the same order, and with what the in-memory matcher says.
/// </summary>
public sealed class SearchAgreementTests
{
    private static readonly (string Title, string DocNo, string Body)[] Docs =
    [
        ("关于提高城乡低保标准的通知", "开府办发〔2019〕38号", "城乡低保标准每人每月提高50元。"),
        ("关于做好城乡居民医保缴费工作的通知", "开府办发〔2019〕39号", "请各乡镇做好医保缴费宣传。"),
        ("集体土地征地补偿标准公告", "开府发〔2018〕38号", "征地补偿标准按区片综合地价执行。"),
        ("国有土地上房屋征收决定", "开府发〔2020〕5号", "补偿方式为货币补偿或产权调换。"),
        ("县税务局2020年工作总结", "", "依法纳税宣传月活动；GDP增长6.5%。"),
        ("醫療保障局機構職能", "", "負責全縣醫保基金監管。"),
        ("低保对象名单公示", "", "低保"),
        ("征地。补偿说明", "", "本文件说明土地征收程序。<script>alert(1)</script>"),
        ("关于转发开府发〔2020〕5号文件的通知", "", "请遵照执行。"),
    ];

    private static readonly string[] Queries =
    [
        "低保", "医保", "征地", "征地补偿", "\"征地补偿标准\"", "税", "补偿", "开府办发〔2019〕38号", "开府办发[2019]38号", "开府发【2018】38号",
        "38号", "醫保", "徵地補償", "低保 -医保", "gdp", "2019", "保", "征收 -征地", "script", "不存在的词",
        "开府办发(2019)38号", "开府发〔2020〕5号", "5号", "开府发〔2020〕5号 -征收", "医保 -宣传", "开府发〔2020〕5号 通知", "“征地补偿”", "征地 补偿", "医保 宣传", "低保 名单", "土地 征收", "醫療保障", "医疗保障", "开府办发〔2019〕",
    ];

    [Fact]
    public async Task Sqlite_and_postgres_find_the_same_items_in_the_same_order()
    {
        var server = await PostgresServer.SharedAsync();
        if (!server.RequireOrReport(nameof(Sqlite_and_postgres_find_the_same_items_in_the_same_order))) return;
        var sqliteDir = Path.Combine(Path.GetTempPath(), $"gongkai-agree-{Guid.NewGuid():N}");
        try
        {
            var sqlite = await AnswersAsync(new() { ["Database:Provider"] = "sqlite", ["Database:DataDir"] = sqliteDir });
            var postgres = await AnswersAsync(new()
            {
                ["Database:Provider"] = "postgres", ["Database:DataDir"] = sqliteDir, ["ConnectionStrings:Gongkai"] = await server.CreateDatabaseAsync("agree"),
            });
            foreach (var q in Queries)
            {
                Assert.Equal(sqlite[q], postgres[q]);
                var query = SearchQuery.Parse(q);
                var expected = Docs.Where(d => Highlighter.Matches(query, d.Title, d.DocNo, d.Title, d.Body)).Select(d => d.Title).Order().ToList();
                Assert.Equal(expected, sqlite[q].Order().ToList());
            }
            // Title matches come first (both titles contain 低保), newest first.
            Assert.Equal(["低保对象名单公示", "关于提高城乡低保标准的通知"], sqlite["低保"].Take(2));
            // A 文号 matches whatever brackets it is typed with; two words must both occur; a phrase in quotes only as a whole.
            Assert.Equal(["关于提高城乡低保标准的通知"], sqlite["开府办发〔2019〕38号"]);
            Assert.Equal(sqlite["开府办发〔2019〕38号"], sqlite["开府办发(2019)38号"]);
            Assert.Equal(["低保对象名单公示"], sqlite["低保 名单"]);
            Assert.DoesNotContain("征地。补偿说明", sqlite["“征地补偿”"]);
            Assert.Contains("征地。补偿说明", sqlite["征地 补偿"]);
            Assert.Equal(["醫療保障局機構職能"], sqlite["医疗保障"]);
            // The trailing 号 of a 文号 still matches as a prefix (5号文件), title matches first, exclusions apply.
            Assert.Equal(["关于转发开府发〔2020〕5号文件的通知", "国有土地上房屋征收决定"], sqlite["开府发〔2020〕5号"]);
            Assert.Equal(["关于转发开府发〔2020〕5号文件的通知"], sqlite["开府发〔2020〕5号 -征收"]);
            // An excluded word keeps out a title match too (医保 in the title, 宣传 in the body).
            Assert.Equal(["醫療保障局機構職能"], sqlite["医保 -宣传"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(sqliteDir, true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Past Search:CountCap the total stops at the cap ("约 N+ 条") and facets count the newest
    /// matches only — alike on both databases; the page itself is unaffected.
    /// </summary>
    [Fact]
    public async Task Counts_stop_at_the_cap_and_facets_agree_on_both_databases()
    {
        var server = await PostgresServer.SharedAsync();
        if (!server.RequireOrReport(nameof(Counts_stop_at_the_cap_and_facets_agree_on_both_databases))) return;
        var sqliteDir = Path.Combine(Path.GetTempPath(), $"gongkai-agree-{Guid.NewGuid():N}");
        try
        {
            var sqlite = await CappedAnswersAsync(new() { ["Database:Provider"] = "sqlite", ["Database:DataDir"] = sqliteDir, ["Search:CountCap"] = "2" });
            var postgres = await CappedAnswersAsync(new()
            {
                ["Database:Provider"] = "postgres", ["Database:DataDir"] = sqliteDir, ["Search:CountCap"] = "2",
                ["ConnectionStrings:Gongkai"] = await server.CreateDatabaseAsync("agree"),
            });
            Assert.Equal(sqlite, postgres);
            // 补偿 is in three items: the count stops at 2, the page still lists all three.
            Assert.Equal("约 2+ 条 3 sample years 2024:2", sqlite["补偿"]);
            Assert.Equal("共 2 条 2 exact years 2024:2", sqlite["低保"]);
            Assert.Equal("共 0 条 0 exact years ", sqlite["不存在的词"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(sqliteDir, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_narrowed_doc_number_search_gives_facets_for_its_own_filter_when_one_scope_asks_several()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"gongkai-agree-{Guid.NewGuid():N}");
        try
        {
            await using var provider = await SeededAsync(new() { ["Database:Provider"] = "sqlite", ["Database:DataDir"] = dir });
            await using var scope = provider.CreateAsyncScope();
            var search = scope.ServiceProvider.GetRequiredService<SearchCatalog>();
            // One scope (one page request) asks for results and facets, then for other filters: each answer is its own.
            foreach (var filter in new[]
            {
                new CatalogFilter { Q = "38号" }, new CatalogFilter { Q = "38号", Page = 2 }, new CatalogFilter { Q = "38号", Year = 2000 },
                new CatalogFilter { Q = "5号" }, new CatalogFilter { Q = "38号" },
            })
            {
                var all = await search.RunAsync(filter with { Page = 1, PageSize = 50 });
                var facets = await search.FacetsAsync(filter);
                var expected = Docs.Where(d => Highlighter.Matches(SearchQuery.Parse(filter.Q), d.Title, d.DocNo, d.Title, d.Body)).Count();
                Assert.Equal(all.Total, facets.Agencies.Sum(f => f.Count));
                Assert.Equal(filter.Year is null ? expected : 0, all.Total); // nothing was published in 2000
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static async Task<Dictionary<string, string>> CappedAnswersAsync(Dictionary<string, string?> settings)
    {
        var answers = new Dictionary<string, string>();
        await using var provider = await SeededAsync(settings);
        foreach (var q in new[] { "补偿", "低保", "不存在的词" })
        {
            await using var scope = provider.CreateAsyncScope();
            var search = scope.ServiceProvider.GetRequiredService<SearchCatalog>();
            var filter = new CatalogFilter { Q = q };
            var page = await search.RunAsync(filter);
            var facets = await search.FacetsAsync(filter);
            Assert.Equal(facets.Categories.Sum(f => f.Count), facets.Agencies.Sum(f => f.Count));
            answers[q] = $"{page.CountLabel} {page.Items.Count} {(facets.IsSample ? "sample" : "exact")} years {string.Join(",", facets.Years.Select(y => $"{y.Value}:{y.Count}"))}";
        }
        return answers;
    }

    private static async Task<Dictionary<string, List<string>>> AnswersAsync(Dictionary<string, string?> settings)
    {
        await using var provider = await SeededAsync(settings);
        var answers = new Dictionary<string, List<string>>();
        foreach (var q in Queries)
        {
            await using var scope = provider.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<SearchCatalog>().RunAsync(new CatalogFilter { Q = q, PageSize = 50 });
            Assert.Equal(page.Total, page.Items.Count);
            answers[q] = page.Items.Select(i => i.Title).ToList();
        }
        return answers;
    }

    private static async Task<ServiceProvider> SeededAsync(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddGongkaiCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
            var agency = await scope.ServiceProvider.GetRequiredService<AddAgency>().RunAsync(new AgencyDetails
            {
                Code = "kfx", Name = "开府县人民政府", CreditCode = Gongkai.Demo.DemoAgencies.CreditCodeFor(0), Kind = AgencyKind.government,
            }, "test");
            var csv = new StringBuilder("title,doc_no,category,kind,written_on,published_on,validity,summary,body\n");
            for (var i = 0; i < Docs.Length; i++)
            {
                var d = Docs[i];
                csv.AppendLine(string.Join(",", CsvRecords.Escape(d.Title), CsvRecords.Escape(d.DocNo), "1", "other",
                    $"2024-01-{i + 1:00}", $"2024-02-{i + 1:00}", "有效", CsvRecords.Escape(d.Title), CsvRecords.Escape(d.Body)));
            }
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportCatalog>().RunAsync(
                CatalogActor.System("test", agency.Value.Id), "kfx", new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())));
            Assert.Empty(outcome.Problems);
        }
        return provider;
    }
}
