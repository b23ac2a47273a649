using System.Text;
using Gongkai.Catalog;
using Gongkai.Catalog.Import;
using Gongkai.Data;
using Gongkai.Search;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalog.Import;

/// <summary>
/// The bulk write path of <c>gongkai catalog import</c>: all rows or none, numbered, searchable, one
/// audit entry — on SQLite (prepared INSERTs) and on PostgreSQL (binary COPY, see the subclass).
/// </summary>
public abstract class ImportCatalogTests(bool postgres) : IAsyncLifetime
{
    private const string Header = "title,doc_no,category,topic,genre,kind,written_on,published_on,validity,abolished_on,keywords,summary,body";
    private readonly CatalogTestDb _db = new(postgres);

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private static string Row(int i) =>
        $"测试县人民政府关于第{i}批城乡低保资金发放的公告,测府发〔{2010 + i % 14}〕{i}号,{1 + i % 15},civil_affairs_relief,announcement,other," +
        $"{2010 + i % 14}-03-0{1 + i % 5},{2010 + i % 14}-03-1{i % 10},有效,,低保 资金,第{i}批资金发放情况,\"第{i}批城乡低保资金已按时足额发放到户。\n\n如有疑问请拨打电话。\"";

    private static MemoryStream Csv(IEnumerable<string> rows) =>
        new(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n"));

    private Task<ImportOutcome> ImportAsync(MemoryStream csv) => _db.RunAsync(s =>
        s.GetRequiredService<ImportCatalog>().RunAsync(CatalogActor.System("importer", _db.AgencyA), "gov", csv));

    [Fact]
    public async Task A_bad_row_in_a_large_file_imports_nothing_and_is_named_by_line()
    {
        if (_db.Unavailable) return;
        var rows = Enumerable.Range(1, 5000).Select(Row).ToList();
        rows[3999] = rows[3999].Replace(",有效,", ",永久有效,"); // each row spans 3 lines (its body has a blank line): it starts on line 2 + 3 × 3999

        var outcome = await ImportAsync(Csv(rows));

        Assert.Equal(0, outcome.Imported);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(11999, problem.Line);
        Assert.Contains("有效性", problem.Reason);
        await _db.RunAsync(async s =>
        {
            var db = s.GetRequiredService<GongkaiDb>();
            Assert.Equal(0, await db.CatalogItems.CountAsync());
            Assert.Equal(0, await db.PublishedItems.CountAsync());
            Assert.Equal(0, await db.IndexCounters.CountAsync());
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "catalog.import"));
            return 0;
        });
    }

    [Fact]
    public async Task A_large_file_is_imported_with_unique_index_numbers_search_rows_and_one_audit_entry()
    {
        if (_db.Unavailable) return;
        var outcome = await ImportAsync(Csv(Enumerable.Range(1, 5000).Select(Row)));
        Assert.Empty(outcome.Problems);
        Assert.Equal(5000, outcome.Imported);

        await _db.RunAsync(async s =>
        {
            var db = s.GetRequiredService<GongkaiDb>();
            var published = await db.PublishedItems.AsNoTracking().ToListAsync();
            Assert.Equal(5000, published.Count);
            Assert.Equal(5000, published.Select(p => p.IndexNo).Distinct().Count());
            Assert.Equal(5000, published.Select(p => p.SearchKey).Distinct().Count());
            Assert.Equal(5000, await db.ItemVersions.CountAsync());
            // Serials run per publication year from 1 without gaps; the counters say what was issued.
            foreach (var year in published.GroupBy(p => p.Year))
            {
                var serials = year.Select(p => int.Parse(p.IndexNo[^5..])).Order().ToList();
                Assert.Equal(Enumerable.Range(1, serials.Count), serials);
                Assert.Equal(serials.Count, (await db.IndexCounters.SingleAsync(c => c.AgencyId == _db.AgencyA && c.Year == year.Key)).Last);
            }
            // Later publication dates have larger search keys.
            var byKey = published.OrderBy(p => p.SearchKey).Select(p => p.PublishedOn).ToList();
            Assert.Equal(byKey.Order(), byKey);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "catalog.import"));

            // Every column survives the bulk write (enums as text, dates, nulls, the version's JSON).
            var row = published.Single(p => p.Title.Contains("第4321批"));
            Assert.Equal(("测府发〔2019〕4321号", (DisclosureCategory)(1 + 4321 % 15), new DateOnly(2019, 3, 2), new DateOnly(2019, 3, 11)),
                (row.DocNo, row.Category, row.WrittenOn, row.PublishedOn));
            Assert.Equal((Topic.civil_affairs_relief, Genre.announcement, ItemKind.other, Validity.valid, (DateOnly?)null, DisclosureMode.proactive, false),
                (row.Topic, row.Genre, row.Kind, row.Validity, row.ValidityChangedOn, row.Mode, row.Withdrawn));
            Assert.Equal(("低保 资金", "第4321批资金发放情况", "第4321批城乡低保资金已按时足额发放到户。\n\n如有疑问请拨打电话。", 1), (row.Keywords, row.Summary, row.Body, row.Version));
            var item = await db.CatalogItems.AsNoTracking().SingleAsync(i => i.Id == row.ItemId);
            Assert.Equal((ItemStatus.published, row.IndexNo, row.Body, (DateOnly?)row.PublishedOn), (item.Status, item.IndexNo, item.Body, item.PublishedOn));
            var version = await db.ItemVersions.AsNoTracking().SingleAsync(v => v.ItemId == row.ItemId);
            Assert.Equal((1, row.Title, row.Body, row.DocNo), (version.Version, version.Content.Title, version.Content.Body, version.Content.DocNo));

            // Every row is in the search index: the count of a word in all of them reaches the cap
            // (or is exact under it), and rows from the start, middle and end are found by phrase.
            var search = s.GetRequiredService<SearchCatalog>();
            var hits = await search.RunAsync(new CatalogFilter { Q = "低保", AgencyCode = "gov" });
            Assert.Equal(Math.Min(5000, search.CountCap), hits.Total);
            Assert.Equal(search.CountCap < 5000, hits.TotalIsCapped);
            foreach (var n in new[] { 1, 2500, 4321, 5000 })
            {
                var one = await search.RunAsync(new CatalogFilter { Q = $"\"第{n}批城乡\"" });
                Assert.Contains(one.Items, i => i.Title.Contains($"第{n}批城乡"));
            }
            return 0;
        });

        // A later single publication continues the same counters: nothing is issued twice.
        var again = await ImportAsync(Csv([Row(5001)]));
        Assert.Equal(1, again.Imported);
        await _db.RunAsync(async s =>
        {
            var db = s.GetRequiredService<GongkaiDb>();
            Assert.Equal(5001, await db.PublishedItems.Select(p => p.IndexNo).Distinct().CountAsync());
            Assert.Equal(5001, await db.PublishedItems.Select(p => p.SearchKey).Distinct().CountAsync());
            return 0;
        });
    }
}

public sealed class SqliteImportCatalogTests() : ImportCatalogTests(postgres: false);

/// <summary>The same on PostgreSQL, whose bulk path is COPY (rows in binary, search rows as tsvector text).</summary>
public sealed class PostgresImportCatalogTests() : ImportCatalogTests(postgres: true);
