using System.Diagnostics;
using System.Text;
using Gongkai.Data;
using Gongkai.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Bench.Search;

/// <summary>
/// Bulk-inserts generated items straight into catalog_published and catalog_search (the index rows
/// built by <see cref="SearchDocument"/>, exactly as <see cref="CatalogSearchIndex"/> writes them).
/// The search reads neither catalog_items nor versions, so those are not generated; the foreign key
/// from catalog_published to catalog_items is therefore switched off (SQLite) or dropped (PostgreSQL)
/// in the bench database only.
/// </summary>
public static class Loader
{
    private static async Task<List<string>> AgencyIdsAsync(ServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        return (await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => a.Id).ToListAsync()).Select(g => g.ToString()).ToList();
    }

    public static async Task LoadSqliteAsync(ServiceProvider services, int rows)
    {
        var agencies = (await AgencyIdsAsync(services)).Select(a => a.ToUpperInvariant()).ToList();
        string path;
        using (var scope = services.CreateScope()) path = scope.ServiceProvider.GetRequiredService<DatabaseOptions>().SqlitePath;
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA foreign_keys=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-500000;");

        var sw = Stopwatch.StartNew();
        const int batch = 20_000;
        for (long from = 1; from <= rows; from += batch)
        {
            await using var tx = connection.BeginTransaction();
            var published = connection.CreateCommand();
            published.Transaction = tx;
            published.CommandText = """
                INSERT INTO catalog_published (ItemId, AgencyId, SearchKey, IndexNo, Title, DocNo, Category, Topic, Genre, Kind, Mode, WrittenOn, PublishedOn, Year, Keywords, Summary, Body, Version, UpdatedAt, Validity, Withdrawn)
                VALUES ($id, $agency, $key, $indexNo, $title, $docNo, $category, $topic, $genre, $kind, 'proactive', $on, $on, $year, $keywords, $summary, $body, 1, '2026-01-01 00:00:00+00:00', $validity, 0)
                """;
            var search = connection.CreateCommand();
            search.Transaction = tx;
            search.CommandText = "INSERT INTO catalog_search (rowid, title, doc_no, keywords, summary, body) VALUES ($key, $t, $d, $k, $s, $b)";
            var p = Params(published, "$id", "$agency", "$key", "$indexNo", "$title", "$docNo", "$category", "$topic", "$genre", "$kind", "$on", "$year", "$keywords", "$summary", "$body", "$validity");
            var s = Params(search, "$key", "$t", "$d", "$k", "$s", "$b");
            for (var key = from; key < from + batch && key <= rows; key++)
            {
                var item = Corpus.Item(key, rows);
                p["$id"].Value = ItemId(key).ToString().ToUpperInvariant();
                p["$agency"].Value = agencies[item.Agency];
                p["$key"].Value = key;
                p["$indexNo"].Value = $"BENCH/{item.PublishedOn.Year}-{key:0000000}";
                p["$title"].Value = item.Title;
                p["$docNo"].Value = item.DocNo;
                p["$category"].Value = item.Category;
                p["$topic"].Value = item.Topic;
                p["$genre"].Value = item.Genre;
                p["$kind"].Value = item.Kind;
                p["$on"].Value = item.PublishedOn.ToString("yyyy-MM-dd");
                p["$year"].Value = item.PublishedOn.Year;
                p["$keywords"].Value = item.Keywords;
                p["$summary"].Value = item.Summary;
                p["$body"].Value = item.Body;
                p["$validity"].Value = item.Validity;
                await published.ExecuteNonQueryAsync();

                var doc = SearchDocument.Build(item.Title, item.DocNo, item.Keywords, item.Summary, item.Body);
                s["$key"].Value = key;
                s["$t"].Value = doc.Fts5(SearchField.Title);
                s["$d"].Value = doc.Fts5(SearchField.DocNo);
                s["$k"].Value = doc.Fts5(SearchField.Keywords);
                s["$s"].Value = doc.Fts5(SearchField.Summary);
                s["$b"].Value = doc.Fts5(SearchField.Body);
                await search.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            if (from % 100_000 == 1) Console.WriteLine($"sqlite: {from + batch - 1:N0} rows, {sw.Elapsed.TotalSeconds:F0} s");
        }
        Console.WriteLine($"sqlite: optimising the FTS5 index ({sw.Elapsed.TotalSeconds:F0} s so far)");
        await Exec(connection, "INSERT INTO catalog_search(catalog_search) VALUES('optimize'); ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"sqlite: loaded {rows:N0} items in {sw.Elapsed.TotalSeconds:F0} s");
    }

    public static async Task LoadPostgresAsync(ServiceProvider services, string connectionString, int rows)
    {
        var agencies = await AgencyIdsAsync(services);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Exec(connection, """
            ALTER TABLE catalog_published DROP CONSTRAINT "FK_catalog_published_catalog_items_ItemId";
            DROP INDEX ix_catalog_search_tsv; DROP INDEX ix_catalog_search_title_tsv;
            DROP INDEX "IX_catalog_published_AgencyId_SearchKey"; DROP INDEX "IX_catalog_published_Category_SearchKey"; DROP INDEX "IX_catalog_published_Year_SearchKey";
            """);
        var sw = Stopwatch.StartNew();
        await using (var published = await connection.BeginTextImportAsync(
            "COPY catalog_published (\"ItemId\", \"AgencyId\", \"SearchKey\", \"IndexNo\", \"Title\", \"DocNo\", \"Category\", \"Topic\", \"Genre\", \"Kind\", \"Mode\", \"WrittenOn\", \"PublishedOn\", \"Year\", \"Keywords\", \"Summary\", \"Body\", \"Version\", \"UpdatedAt\", \"Validity\", \"Withdrawn\") FROM STDIN"))
        {
            for (long key = 1; key <= rows; key++)
            {
                var item = Corpus.Item(key, rows);
                var on = item.PublishedOn.ToString("yyyy-MM-dd");
                await published.WriteLineAsync(string.Join('\t',
                    ItemId(key), agencies[item.Agency], key, $"BENCH/{item.PublishedOn.Year}-{key:0000000}", Esc(item.Title), Esc(item.DocNo),
                    item.Category, item.Topic, item.Genre, item.Kind, "proactive", on, on, item.PublishedOn.Year,
                    Esc(item.Keywords), Esc(item.Summary), Esc(item.Body), 1, "2026-01-01 00:00:00+00", item.Validity, "f"));
                if (key % 200_000 == 0) Console.WriteLine($"postgres: catalog_published {key:N0} rows, {sw.Elapsed.TotalSeconds:F0} s");
            }
        }
        await using (var search = await connection.BeginTextImportAsync("COPY catalog_search (search_key, tsv) FROM STDIN"))
        {
            for (long key = 1; key <= rows; key++)
            {
                var item = Corpus.Item(key, rows);
                var doc = SearchDocument.Build(item.Title, item.DocNo, item.Keywords, item.Summary, item.Body);
                await search.WriteLineAsync($"{key}\t{Esc(doc.TsVector)}");
                if (key % 200_000 == 0) Console.WriteLine($"postgres: catalog_search {key:N0} rows, {sw.Elapsed.TotalSeconds:F0} s");
            }
        }
        Console.WriteLine($"postgres: building indexes ({sw.Elapsed.TotalSeconds:F0} s so far)");
        await Exec(connection, """
            SET maintenance_work_mem = '1GB';
            CREATE INDEX ix_catalog_search_tsv ON catalog_search USING gin (tsv);
            CREATE INDEX ix_catalog_search_title_tsv ON catalog_search_title USING gin (tsv);
            CREATE INDEX "IX_catalog_published_AgencyId_SearchKey" ON catalog_published ("AgencyId", "SearchKey");
            CREATE INDEX "IX_catalog_published_Category_SearchKey" ON catalog_published ("Category", "SearchKey");
            CREATE INDEX "IX_catalog_published_Year_SearchKey" ON catalog_published ("Year", "SearchKey");
            """);
        await Exec(connection, "VACUUM ANALYZE catalog_published");
        await Exec(connection, "VACUUM ANALYZE catalog_search");
        await Exec(connection, "VACUUM ANALYZE catalog_search_title");
        Console.WriteLine($"postgres: loaded {rows:N0} items in {sw.Elapsed.TotalSeconds:F0} s");
    }

    private static Guid ItemId(long key) => new($"00000000-0000-4000-8000-{key:000000000000}");

    private static string Esc(string s)
    {
        if (s.IndexOfAny(['\\', '\t', '\n', '\r']) < 0) return s;
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            sb.Append(c switch { '\\' => "\\\\", '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", _ => c.ToString() });
        }
        return sb.ToString();
    }

    private static Dictionary<string, System.Data.Common.DbParameter> Params(System.Data.Common.DbCommand command, params string[] names)
    {
        var result = new Dictionary<string, System.Data.Common.DbParameter>();
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            result[name] = parameter;
        }
        return result;
    }

    private static async Task Exec(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
