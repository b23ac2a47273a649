using Gongkai.Catalog;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Search;

/// <summary>
/// Keeps the full-text index (table catalog_search, created by migration 20261123000100_Catalog)
/// in step with the public catalogue. Only listed (主动公开) items are indexed; withdrawn and
/// abolished ones stay in it, since the public must still find them with their status.
/// Call inside the transaction that changes the <see cref="PublishedItem"/>.
/// </summary>
public sealed class CatalogSearchIndex(GongkaiDb db)
{
    public async Task PutAsync(PublishedItem item, CancellationToken ct = default)
    {
        await RemoveAsync(item.SearchKey, ct);
        if (!item.IsListed) return;
        var doc = SearchDocument.Build(item.Title, item.DocNo, item.Keywords, item.Summary, SafeMarkdown.ToPlainText(item.Body));
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO catalog_search (search_key, tsv) VALUES ({item.SearchKey}, CAST({doc.TsVector} AS tsvector))", ct);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO catalog_search (rowid, title, doc_no, keywords, summary, body)
                VALUES ({item.SearchKey}, {doc.Fts5(SearchField.Title)}, {doc.Fts5(SearchField.DocNo)}, {doc.Fts5(SearchField.Keywords)}, {doc.Fts5(SearchField.Summary)}, {doc.Fts5(SearchField.Body)})
                """, ct);
        }
    }

    public async Task RemoveAsync(long searchKey, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"DELETE FROM catalog_search WHERE search_key = {searchKey}", ct);
        else await db.Database.ExecuteSqlAsync($"DELETE FROM catalog_search WHERE rowid = {searchKey}", ct);
    }

    /// <summary>Rebuilds the whole index from catalog_published (after a bulk import, or to repair).</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM catalog_search", ct);
        var keys = await db.PublishedItems.AsNoTracking().Where(p => p.Mode == DisclosureMode.proactive).Select(p => p.SearchKey).ToListAsync(ct);
        foreach (var chunk in keys.Chunk(500))
        {
            var items = await db.PublishedItems.AsNoTracking().Where(p => chunk.Contains(p.SearchKey)).ToListAsync(ct);
            foreach (var item in items) await PutAsync(item, ct);
        }
    }
}
