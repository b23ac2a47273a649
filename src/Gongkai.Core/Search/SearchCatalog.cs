using System.Data.Common;
using Gongkai.Catalog;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;

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

/// <summary>Facet counts; <see cref="IsSample"/> when a search had more than Search:CountCap matches and only the newest were counted.</summary>
public sealed record CatalogFacets(
    IReadOnlyList<Facet<Guid>> Agencies, IReadOnlyList<Facet<DisclosureCategory>> Categories,
    IReadOnlyList<Facet<int>> Years, IReadOnlyList<Facet<Validity>> Validities)
{
    public bool IsSample { get; init; }
}

/// <param name="Total">Number of matching items; when <paramref name="TotalIsCapped"/>, at least this many (the count stops at Search:CountCap).</param>
public sealed record CatalogPage(int Total, IReadOnlyList<PublishedItem> Items, SearchQuery Query, bool TotalIsCapped = false)
{
    /// <summary>"共 N 条", or "约 N+ 条" when the count stopped at the cap.</summary>
    public string CountLabel => TotalIsCapped ? $"约 {Total:N0}+ 条" : $"共 {Total} 条";
}

/// <summary>
/// The public catalogue and its search: listed (主动公开) items matching the filters and, when a
/// query is given, every included phrase; title matches first, then newest first (by publication
/// date, then publication order). The same question is put to FTS5 on SQLite and to a tsvector
/// on PostgreSQL (see <see cref="SearchSyntax"/>), so both answer alike.
/// </summary>
public sealed class SearchCatalog(GongkaiDb db, IConfiguration configuration)
{
    /// <summary>Default of Search:CountCap: a search counts its matches up to this many, then says "约 N+ 条".</summary>
    public const int DefaultCountCap = 1_000;

    /// <summary>How far a search counts its matches (and how many of the newest it counts facets over).</summary>
    public int CountCap { get; } = int.TryParse(configuration["Search:CountCap"], out var cap) && cap > 0 ? cap : DefaultCountCap;

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

        if (await NarrowAsync(filter, query, ct) is { } narrowed)
        {
            var ordered = narrowed.Where(m => m.InTitle).Concat(narrowed.Where(m => !m.InTitle)).Select(m => m.Item).ToList();
            return new CatalogPage(ordered.Count, ordered.Skip(offset).Take(size).ToList(), query);
        }

        // Title matches first, then the rest, each newest first: two ordered passes with LIMIT,
        // so no match is ever scored and a common word costs no more than a rare one.
        var need = offset + size;
        var titleKeys = await KeysAsync(Where(filter, query, Part.Title), 0, need, ct);
        var keys = titleKeys.Skip(offset).ToList();
        if (keys.Count < size)
        {
            // Fewer title matches than the page needs: their count is exact, the rest come from the body.
            keys.AddRange(await KeysAsync(Where(filter, query, Part.NotTitle), Math.Max(0, offset - titleKeys.Count), size - keys.Count, ct));
        }

        // The exact total of a common word means visiting every match; past CountCap it is "约 N+ 条".
        var counted = await SurelyOverCapAsync(filter, query, ct) ? CountCap + 1 : await CountUpToAsync(Where(filter, query, Part.All), CountCap + 1, ct);
        var capped = counted > CountCap;

        var rows = await db.PublishedItems.AsNoTracking().Where(p => keys.Contains(p.SearchKey)).ToListAsync(ct);
        var byKey = rows.ToDictionary(r => r.SearchKey);
        return new CatalogPage(capped ? CountCap : counted, keys.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList(), query, capped);
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
        if (await NarrowAsync(filter, query, ct) is { } narrowed)
        {
            var matched = narrowed.Select(m => m.Item).ToList();
            return new CatalogFacets(
                matched.GroupBy(p => p.AgencyId).Select(g => new Facet<Guid>(g.Key, g.Count())).OrderByDescending(f => f.Count).ThenBy(f => f.Value).ToList(),
                matched.GroupBy(p => p.Category).Select(g => new Facet<DisclosureCategory>(g.Key, g.Count())).OrderBy(f => f.Value).ToList(),
                matched.GroupBy(p => p.Year).Select(g => new Facet<int>(g.Key, g.Count())).OrderByDescending(f => f.Value).ToList(),
                matched.GroupBy(p => p.Validity).Select(g => new Facet<Validity>(g.Key, g.Count())).OrderBy(f => f.Value).ToList());
        }
        // Facets are counted over the newest CountCap matches (all of them when there are fewer):
        // one bounded read of four columns, grouped here.
        var where = Where(filter, query, Part.All);
        var agencies = new Dictionary<Guid, int>();
        var categories = new Dictionary<DisclosureCategory, int>();
        var years = new Dictionary<int, int>();
        var validities = new Dictionary<Validity, int>();
        var seen = 0;
        var sql = $"SELECT {Column("AgencyId")}, {Column("Category")}, {Column("Year")}, {Column("Validity")} FROM catalog_published p " +
                  $"WHERE {Column("SearchKey")} IN (SELECT {where.Key} {where.Sql} ORDER BY {where.Key} DESC LIMIT {CountCap + 1})";
        await ReadAsync(sql, where.Args, reader =>
        {
            if (++seen > CountCap) return;
            var agency = reader.GetValue(0) is Guid g ? g : Guid.Parse(reader.GetString(0));
            Increment(agencies, agency);
            Increment(categories, Enum.Parse<DisclosureCategory>(reader.GetString(1)));
            Increment(years, Convert.ToInt32(reader.GetValue(2)));
            Increment(validities, Enum.Parse<Validity>(reader.GetString(3)));
        }, ct);
        return new CatalogFacets(
            agencies.Select(x => new Facet<Guid>(x.Key, x.Value)).OrderByDescending(f => f.Count).ThenBy(f => f.Value).ToList(),
            categories.Select(x => new Facet<DisclosureCategory>(x.Key, x.Value)).OrderBy(f => f.Value).ToList(),
            years.Select(x => new Facet<int>(x.Key, x.Value)).OrderByDescending(f => f.Value).ToList(),
            validities.Select(x => new Facet<Validity>(x.Key, x.Value)).OrderBy(f => f.Value).ToList())
        { IsSample = seen > CountCap };
    }

    /// <summary>Most candidates a narrowed search (see <see cref="PrefixNarrowing"/>) checks in memory; with more, the database answers the full query.</summary>
    public const int NarrowLimit = 200;

    /// <summary>
    /// For a query ending in a one-character prefix (a 文号 such as …38号): every match, newest first,
    /// with whether it is a title match — or null when narrowing does not apply or finds too many candidates.
    /// </summary>
    private async Task<List<(PublishedItem Item, bool InTitle)>?> NarrowAsync(CatalogFilter filter, SearchQuery query, CancellationToken ct)
    {
        if (PrefixNarrowing.Relax(query) is not { } relaxed) return null;
        // The search page asks for its results and its facets with the same filter: narrow once per request.
        var key = filter with { Page = 1, PageSize = 1 };
        if (_lastNarrowed is { } last && last.Filter == key) return last.Matches;
        var matches = await NarrowUncachedAsync(filter, query, relaxed, ct);
        _lastNarrowed = (key, matches);
        return matches;
    }

    /// <summary>This scope's last narrowing, by its filter (any page): see <see cref="NarrowAsync"/>.</summary>
    private (CatalogFilter Filter, List<(PublishedItem Item, bool InTitle)>? Matches)? _lastNarrowed;

    private async Task<List<(PublishedItem Item, bool InTitle)>?> NarrowUncachedAsync(CatalogFilter filter, SearchQuery query, SearchQuery relaxed, CancellationToken ct)
    {
        var limit = Math.Min(NarrowLimit, CountCap);
        var candidates = await KeysAsync(Where(filter, relaxed, Part.All), 0, limit + 1, ct);
        if (candidates.Count > limit) return null;
        var items = await db.PublishedItems.AsNoTracking().Where(p => candidates.Contains(p.SearchKey)).ToListAsync(ct);
        var matches = new List<(PublishedItem Item, bool InTitle)>();
        foreach (var item in items.OrderByDescending(i => i.SearchKey))
        {
            var doc = PrefixNarrowing.DocumentOf(item);
            if (PrefixNarrowing.Matches(doc, query)) matches.Add((item, PrefixNarrowing.MatchesTitle(doc, query)));
        }
        return matches;
    }

    private static void Increment<T>(Dictionary<T, int> counts, T key) where T : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

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

    /// <summary>
    /// The FROM … WHERE part of a search, with its parameters (values are always parameters) and
    /// the column holding the search key.
    /// </summary>
    private (string Sql, List<object> Args, string Key) Where(CatalogFilter f, SearchQuery q, Part part)
    {
        var args = new List<object>();
        string Arg(object value) { args.Add(value); return "{" + (args.Count - 1) + "}"; }
        string sql;
        var key = KeyColumn;
        if (IsPostgres)
        {
            if (part == Part.Title)
            {
                // Title hits come from the narrow title table (migration 20261204200001), read newest
                // first without detoasting whole documents; with exclusions the whole query is checked
                // too, since a title match must still be a match.
                key = "t.search_key";
                sql = "FROM catalog_search_title t" +
                      (q.Exclude.Count > 0 ? " JOIN catalog_search s ON s.search_key = t.search_key" : "") +
                      (HasFilters(f) ? " JOIN catalog_published p ON p.\"SearchKey\" = t.search_key" : "") +
                      $" WHERE t.tsv @@ CAST({Arg(SearchSyntax.TsQuery(q, titleOnly: true))} AS tsquery)" +
                      (q.Exclude.Count > 0 ? $" AND s.tsv @@ CAST({Arg(SearchSyntax.TsQuery(q))} AS tsquery)" : "");
            }
            else
            {
                var match = part == Part.NotTitle
                    ? $"s.tsv @@ CAST({Arg(SearchSyntax.TsQuery(q))} AS tsquery) AND NOT ({TitleVector} @@ CAST({Arg(SearchSyntax.TsQuery(q, titleOnly: true))} AS tsquery))"
                    : $"s.tsv @@ CAST({Arg(SearchSyntax.TsQuery(q))} AS tsquery)";
                sql = HasFilters(f) ? $"FROM catalog_search s JOIN catalog_published p ON p.\"SearchKey\" = s.search_key WHERE {match}" : $"FROM catalog_search s WHERE {match}";
            }
        }
        else
        {
            var expression = part switch
            {
                Part.Title when q.Exclude.Count > 0 => $"({SearchSyntax.Fts5(q, titleOnly: true)}) AND ({SearchSyntax.Fts5(q)})",
                Part.Title => SearchSyntax.Fts5(q, titleOnly: true),
                Part.NotTitle => $"({SearchSyntax.Fts5(q)}) NOT ({SearchSyntax.Fts5(q, titleOnly: true)})",
                _ => SearchSyntax.Fts5(q),
            };
            sql = $"FROM catalog_search s{(HasFilters(f) ? " JOIN catalog_published p ON p.SearchKey = s.rowid" : "")} WHERE s.catalog_search MATCH {Arg(expression)}";
        }
        // The index holds listed (主动公开) items only (see CatalogSearchIndex); the join to
        // catalog_published is needed only to filter, and then also checks the mode.
        if (!HasFilters(f)) return (sql, args, key);
        sql += $" AND {Column("Mode")} = 'proactive'";
        if (f.AgencyCode is { } code) sql += $" AND {Column("AgencyId")} IN (SELECT a.{Quote("Id")} FROM agencies a WHERE a.{Quote("Code")} = {Arg(code)})";
        if (f.Category is { } c) sql += $" AND {Column("Category")} = {Arg(c.ToString())}";
        if (f.Topic is { } t) sql += $" AND {Column("Topic")} = {Arg(t.ToString())}";
        if (f.Genre is { } g) sql += $" AND {Column("Genre")} = {Arg(g.ToString())}";
        if (f.Year is { } y) sql += $" AND {Column("Year")} = {Arg(y)}";
        if (f.Validity is { } v) sql += $" AND {Column("Validity")} = {Arg(v.ToString())}";
        return (sql, args, key);
    }

    /// <summary>The title positions of the tsvector (what catalog_search_title holds), for the body pass: "not a title match".</summary>
    /// Braces doubled: the SQL built here is a format string (SqlQueryRaw; ReadAsync undoes them likewise).
    private const string TitleVector = "ts_filter(s.tsv, '{{a}}')";

    private static bool HasFilters(CatalogFilter f) =>
        f.AgencyCode is not null || f.Category is not null || f.Topic is not null || f.Genre is not null || f.Year is not null || f.Validity is not null;

    private string Quote(string name) => IsPostgres ? $"\"{name}\"" : name;

    private string KeyColumn => IsPostgres ? "s.search_key" : "s.rowid";

    /// <summary>
    /// How many times Search:CountCap PostgreSQL's row estimate for a one-word query must be before the
    /// capped count is skipped (see <see cref="SurelyOverCapAsync"/>).
    /// </summary>
    public const int EstimateMargin = 20;

    /// <summary>
    /// PostgreSQL: true when a query of one word (one token, or a one-character prefix), without
    /// filters, is so common that counting its matches up to the cap is pointless — the planner's
    /// estimate, from the statistics of catalog_search.tsv (its most common lexemes and their
    /// frequencies), is at least <see cref="EstimateMargin"/> times Search:CountCap. Counting to the cap
    /// means detoasting and testing one whole document per row (8,600 rows for a word in 11 % of the
    /// items); the estimate costs one planning. A lexeme missing from the statistics gets a tiny
    /// default estimate, so a rare word is always counted; with several words the estimate assumes them
    /// independent, which can be far off, so those are always counted too.
    /// </summary>
    private async Task<bool> SurelyOverCapAsync(CatalogFilter filter, SearchQuery query, CancellationToken ct)
    {
        if (!IsPostgres || HasFilters(filter) || query.Exclude.Count > 0 || query.Include is not [{ Tokens.Count: 1 }]) return false;
        var where = Where(filter, query, Part.All);
        double rows = 0;
        await ReadAsync($"EXPLAIN (FORMAT JSON) SELECT 1 {where.Sql}", where.Args, reader =>
        {
            using var plan = System.Text.Json.JsonDocument.Parse(reader.GetString(0));
            rows = plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        }, ct);
        return rows >= (double)EstimateMargin * CountCap;
    }

    private async Task<int> CountUpToAsync((string Sql, List<object> Args, string Key) where, int limit, CancellationToken ct)
    {
        var sql = $"SELECT COUNT(*) AS \"Value\" FROM (SELECT 1 AS one {where.Sql} LIMIT {limit}) AS m";
        return await db.Database.SqlQueryRaw<int>(sql, [.. where.Args]).SingleAsync(ct);
    }

    private async Task<List<long>> KeysAsync((string Sql, List<object> Args, string Key) where, int offset, int take, CancellationToken ct)
    {
        if (take <= 0) return [];
        var sql = $"SELECT {where.Key} AS \"Value\" {where.Sql} ORDER BY {where.Key} DESC LIMIT {take} OFFSET {offset}";
        return await db.Database.SqlQueryRaw<long>(sql, [.. where.Args]).ToListAsync(ct);
    }

    /// <summary>Runs raw SQL whose {i} placeholders are the given arguments, handing each row to <paramref name="row"/>.</summary>
    private async Task ReadAsync(string sql, List<object> args, Action<DbDataReader> row, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen) await connection.OpenAsync(ct);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            for (var i = 0; i < args.Count; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = IsPostgres ? $"p{i}" : $"@p{i}";
                p.Value = args[i];
                command.Parameters.Add(p);
                sql = sql.Replace("{" + i + "}", $"@p{i}");
            }
            command.CommandText = sql.Replace("{{", "{").Replace("}}", "}");
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) row(reader);
        }
        finally
        {
            if (!wasOpen) await connection.CloseAsync();
        }
    }
}
