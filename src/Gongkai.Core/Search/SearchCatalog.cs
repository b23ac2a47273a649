using System.Data.Common;
using Gongkai.Catalog;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Search;

/// <summary>Filters of the public catalogue; all optional. <see cref="Page"/> is 1-based.</summary>
public sealed record CatalogFilter
{
    public string? Q { get; init; }
    public string? AgencyCode { get; init; }
    public DisclosureCategory? Category { get; init; }
    public Topic? Topic { get; init; }
    public Genre? Genre { get; init; }
    public int? Year { get; init; }
    public Validity? Validity { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed record Facet<T>(T Value, int Count);

public sealed record CatalogFacets(
    IReadOnlyList<Facet<Guid>> Agencies, IReadOnlyList<Facet<DisclosureCategory>> Categories,
    IReadOnlyList<Facet<int>> Years, IReadOnlyList<Facet<Validity>> Validities);

public sealed record CatalogPage(int Total, IReadOnlyList<PublishedItem> Items, SearchQuery Query);

/// <summary>
/// The public catalogue and its search: listed (主动公开) items matching the filters and, when a
/// query is given, every included phrase; title matches first, then newest first (by publication
/// date, then publication order). The same question is put to FTS5 on SQLite and to a tsvector
/// on PostgreSQL (see <see cref="SearchSyntax"/>), so both answer alike.
/// </summary>
public sealed class SearchCatalog(GongkaiDb db)
{
    public const int MaxPageSize = 100;
    /// <summary>Deep pages cost a database real work and nobody reads them; the catalogue stops here.</summary>
    public const int MaxPage = 500;

    public async Task<CatalogPage> RunAsync(CatalogFilter filter, CancellationToken ct = default)
    {
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(filter.Page, 1, MaxPage);
        var offset = (page - 1) * size;
        var query = SearchQuery.Parse(filter.Q);

        if (query.IsEmpty)
        {
            var listed = Browse(filter);
            var total = await listed.CountAsync(ct);
            var items = await listed.OrderByDescending(p => p.SearchKey).Skip(offset).Take(size).ToListAsync(ct);
            return new CatalogPage(total, items, query);
        }

        var titleHits = await CountAsync(Where(filter, query, Part.Title), ct);
        var all = await CountAsync(Where(filter, query, Part.All), ct);
        var keys = new List<long>();
        if (offset < titleHits) keys.AddRange(await KeysAsync(Where(filter, query, Part.Title), offset, size, ct));
        if (keys.Count < size)
            keys.AddRange(await KeysAsync(Where(filter, query, Part.NotTitle), Math.Max(0, offset - titleHits), size - keys.Count, ct));

        var rows = await db.PublishedItems.AsNoTracking().Where(p => keys.Contains(p.SearchKey)).ToListAsync(ct);
        var byKey = rows.ToDictionary(r => r.SearchKey);
        return new CatalogPage(all, keys.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList(), query);
    }

    /// <summary>Counts of the matching items by agency, category, year and validity.</summary>
    public async Task<CatalogFacets> FacetsAsync(CatalogFilter filter, CancellationToken ct = default)
    {
        var query = SearchQuery.Parse(filter.Q);
        if (query.IsEmpty)
        {
            var listed = Browse(filter);
            return new CatalogFacets(
                (await listed.GroupBy(p => p.AgencyId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).Select(x => new Facet<Guid>(x.Key, x.N)).OrderByDescending(f => f.Count).ToList(),
                (await listed.GroupBy(p => p.Category).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).Select(x => new Facet<DisclosureCategory>(x.Key, x.N)).OrderBy(f => f.Value).ToList(),
                (await listed.GroupBy(p => p.Year).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).Select(x => new Facet<int>(x.Key, x.N)).OrderByDescending(f => f.Value).ToList(),
                (await listed.GroupBy(p => p.Validity).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).Select(x => new Facet<Validity>(x.Key, x.N)).OrderBy(f => f.Value).ToList());
        }
        var where = Where(filter, query, Part.All);
        return new CatalogFacets(
            (await GroupAsync(where, Column("AgencyId"), ct)).Select(x => new Facet<Guid>(x.Key is Guid g ? g : Guid.Parse((string)x.Key), x.Count)).OrderByDescending(f => f.Count).ToList(),
            (await GroupAsync(where, Column("Category"), ct)).Select(x => new Facet<DisclosureCategory>(Enum.Parse<DisclosureCategory>((string)x.Key), x.Count)).OrderBy(f => f.Value).ToList(),
            (await GroupAsync(where, Column("Year"), ct)).Select(x => new Facet<int>(Convert.ToInt32(x.Key), x.Count)).OrderByDescending(f => f.Value).ToList(),
            (await GroupAsync(where, Column("Validity"), ct)).Select(x => new Facet<Validity>(Enum.Parse<Validity>((string)x.Key), x.Count)).OrderBy(f => f.Value).ToList());
    }

    private IQueryable<PublishedItem> Browse(CatalogFilter f)
    {
        var q = db.PublishedItems.AsNoTracking().Where(p => p.Mode == DisclosureMode.proactive);
        if (f.AgencyCode is { } code) q = q.Where(p => db.Agencies.Any(a => a.Id == p.AgencyId && a.Code == code));
        if (f.Category is { } c) q = q.Where(p => p.Category == c);
        if (f.Topic is { } t) q = q.Where(p => p.Topic == t);
        if (f.Genre is { } g) q = q.Where(p => p.Genre == g);
        if (f.Year is { } y) q = q.Where(p => p.Year == y);
        if (f.Validity is { } v) q = q.Where(p => p.Validity == v);
        return q;
    }

    private enum Part { All, Title, NotTitle }

    private bool IsPostgres => db.Database.IsNpgsql();

    private string Column(string name) => IsPostgres ? $"p.\"{name}\"" : $"p.{name}";

    /// <summary>The FROM … WHERE part of a search, with its parameters; values are always parameters.</summary>
    private (string Sql, List<object> Args) Where(CatalogFilter f, SearchQuery q, Part part)
    {
        var args = new List<object>();
        string Arg(object value) { args.Add(value); return "{" + (args.Count - 1) + "}"; }
        string sql;
        if (IsPostgres)
        {
            var match = part switch
            {
                Part.Title => $"s.tsv @@ CAST({Arg(SearchSyntax.TsQuery(q, titleOnly: true))} AS tsquery)",
                Part.NotTitle => $"s.tsv @@ CAST({Arg(SearchSyntax.TsQuery(q))} AS tsquery) AND NOT (s.tsv @@ CAST({Arg(SearchSyntax.TsQuery(q, titleOnly: true))} AS tsquery))",
                _ => $"s.tsv @@ CAST({Arg(SearchSyntax.TsQuery(q))} AS tsquery)",
            };
            sql = $"FROM catalog_search s JOIN catalog_published p ON p.\"SearchKey\" = s.search_key WHERE {match}";
        }
        else
        {
            var expression = part switch
            {
                Part.Title => SearchSyntax.Fts5(q, titleOnly: true),
                Part.NotTitle => $"({SearchSyntax.Fts5(q)}) NOT ({SearchSyntax.Fts5(q, titleOnly: true)})",
                _ => SearchSyntax.Fts5(q),
            };
            sql = $"FROM catalog_search s JOIN catalog_published p ON p.SearchKey = s.rowid WHERE s.catalog_search MATCH {Arg(expression)}";
        }
        sql += $" AND {Column("Mode")} = 'proactive'";
        if (f.AgencyCode is { } code) sql += $" AND {Column("AgencyId")} IN (SELECT a.{Quote("Id")} FROM agencies a WHERE a.{Quote("Code")} = {Arg(code)})";
        if (f.Category is { } c) sql += $" AND {Column("Category")} = {Arg(c.ToString())}";
        if (f.Topic is { } t) sql += $" AND {Column("Topic")} = {Arg(t.ToString())}";
        if (f.Genre is { } g) sql += $" AND {Column("Genre")} = {Arg(g.ToString())}";
        if (f.Year is { } y) sql += $" AND {Column("Year")} = {Arg(y)}";
        if (f.Validity is { } v) sql += $" AND {Column("Validity")} = {Arg(v.ToString())}";
        return (sql, args);
    }

    private string Quote(string name) => IsPostgres ? $"\"{name}\"" : name;

    private string KeyColumn => IsPostgres ? "s.search_key" : "s.rowid";

    private async Task<int> CountAsync((string Sql, List<object> Args) where, CancellationToken ct)
    {
        var sql = "SELECT COUNT(*) AS \"Value\" " + where.Sql;
        return await db.Database.SqlQueryRaw<int>(sql, [.. where.Args]).SingleAsync(ct);
    }

    private async Task<List<long>> KeysAsync((string Sql, List<object> Args) where, int offset, int take, CancellationToken ct)
    {
        if (take <= 0) return [];
        var sql = $"SELECT {KeyColumn} AS \"Value\" {where.Sql} ORDER BY {KeyColumn} DESC LIMIT {take} OFFSET {offset}";
        return await db.Database.SqlQueryRaw<long>(sql, [.. where.Args]).ToListAsync(ct);
    }

    private async Task<List<(object Key, int Count)>> GroupAsync((string Sql, List<object> Args) where, string column, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen) await connection.OpenAsync(ct);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var sql = $"SELECT {column}, COUNT(*) {where.Sql} GROUP BY {column}";
            for (var i = 0; i < where.Args.Count; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = IsPostgres ? $"p{i}" : $"@p{i}";
                p.Value = where.Args[i];
                command.Parameters.Add(p);
                sql = sql.Replace("{" + i + "}", IsPostgres ? $"@p{i}" : $"@p{i}");
            }
            command.CommandText = sql;
            var result = new List<(object, int)>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) result.Add((reader.GetValue(0), Convert.ToInt32(reader.GetValue(1))));
            return result;
        }
        finally
        {
            if (!wasOpen) await connection.CloseAsync();
        }
    }
}
