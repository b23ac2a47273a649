using System.Text;
using Gongkai.Catalog;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Search;

/// <summary>
/// Published (主动公开) items of one agency that look like a free-text description — shown to an
/// applicant before they submit a request. Candidates come from the catalogue's full-text index
/// (any of the description's terms, best-ranked first: bm25 on SQLite, ts_rank on PostgreSQL);
/// they are then ordered by <see cref="TextSimilarity.Overlap"/> against title, keywords and summary,
/// and only those at or above <see cref="MinOverlap"/> are kept, so both engines answer alike.
/// </summary>
public sealed class SimilarCatalogItems(GongkaiDb db)
{
    public const int MaxItems = 5;
    public const double MinOverlap = 0.5;
    private const int MaxTerms = 40;
    private const int Candidates = 60;

    public async Task<IReadOnlyList<PublishedItem>> RunAsync(string agencyCode, string? description, int take = MaxItems, CancellationToken ct = default)
    {
        var terms = TextSimilarity.Terms(description).Take(MaxTerms).ToList();
        if (terms.Count == 0) return [];
        var pg = db.Database.IsNpgsql();
        var expression = new StringBuilder();
        foreach (var term in terms)
        {
            if (expression.Length > 0) expression.Append(pg ? " | " : " OR ");
            if (pg) SearchDocument.AppendQuoted(expression, term);
            else expression.Append('"').Append(term.Replace("\"", "\"\"")).Append('"');
        }
        var sql = pg
            ? $"""
               SELECT s.search_key AS "Value" FROM catalog_search s JOIN catalog_published p ON p."SearchKey" = s.search_key
               WHERE s.tsv @@ CAST({"{0}"} AS tsquery) AND p."Mode" = 'proactive'
                 AND p."AgencyId" IN (SELECT a."Id" FROM agencies a WHERE a."Code" = {"{1}"})
               ORDER BY ts_rank(s.tsv, CAST({"{0}"} AS tsquery)) DESC, s.search_key DESC LIMIT {Candidates}
               """
            : $"""
               SELECT s.rowid AS "Value" FROM catalog_search s JOIN catalog_published p ON p.SearchKey = s.rowid
               WHERE s.catalog_search MATCH {"{0}"} AND p.Mode = 'proactive'
                 AND p.AgencyId IN (SELECT a.Id FROM agencies a WHERE a.Code = {"{1}"})
               ORDER BY s.rank, s.rowid DESC LIMIT {Candidates}
               """;
        var keys = await db.Database.SqlQueryRaw<long>(sql, expression.ToString(), agencyCode).ToListAsync(ct);
        if (keys.Count == 0) return [];
        var rows = await db.PublishedItems.AsNoTracking().Where(p => keys.Contains(p.SearchKey)).ToListAsync(ct);
        var wanted = terms.ToHashSet(StringComparer.Ordinal);
        return rows
            .Select(p => (Item: p, Score: TextSimilarity.Overlap(wanted, TextSimilarity.Terms($"{p.Title} {p.Keywords} {p.Summary}"))))
            .Where(x => x.Score >= MinOverlap && !x.Item.Withdrawn)
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Item.SearchKey)
            .Take(Math.Clamp(take, 1, MaxItems)).Select(x => x.Item).ToList();
    }
}
