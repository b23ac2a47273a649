using Gongkai.Catalog;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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

    /// <summary>Documents built ahead for <see cref="PutManyAsync(IndexBatch, CancellationToken)"/>.</summary>
    public sealed class IndexBatch
    {
        internal IndexBatch(PublishedItem[] items, SearchDocument[] docs) => (Items, Docs) = (items, docs);
        internal PublishedItem[] Items { get; }
        internal SearchDocument[] Docs { get; }
    }

    /// <summary>
    /// Builds the search documents of many public copies (CPU only, no database: a bulk import runs
    /// it on another core while it writes the rows). Unlisted items are left out. Pass
    /// <paramref name="postgres"/> false for SQLite, which needs no tsvector literal.
    /// </summary>
    public static IndexBatch Prepare(IReadOnlyList<PublishedItem> items, bool postgres = true)
    {
        var listed = items.Where(i => i.IsListed).ToArray();
        var docs = new SearchDocument[listed.Length];
        Parallel.For(0, listed.Length, i =>
        {
            var p = listed[i];
            var text = SafeMarkdown.ToPlainText(p.Body);
            docs[i] = postgres ? SearchDocument.BuildBinary(p.Title, p.DocNo, p.Keywords, p.Summary, text)
                : SearchDocument.Build(p.Title, p.DocNo, p.Keywords, p.Summary, text, tsVector: false);
        });
        return new IndexBatch(listed, docs);
    }

    /// <summary>Indexes many public copies that have never been indexed (new search keys: a bulk import).</summary>
    public Task PutManyAsync(IReadOnlyList<PublishedItem> items, CancellationToken ct = default) => PutManyAsync(Prepare(items, db.Database.IsNpgsql()), ct);

    /// <summary>Writes prepared documents of never-indexed public copies in bulk (SQLite: prepared INSERTs; PostgreSQL: COPY), in the caller's transaction.</summary>
    public async Task PutManyAsync(IndexBatch batch, CancellationToken ct = default)
    {
        var (listed, docs) = (batch.Items, batch.Docs);
        if (listed.Length == 0) return;
        var npgsql = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        if (npgsql)
        {
            await CopyAsync((Npgsql.NpgsqlConnection)connection, batch, ct);
            return;
        }
        // SQLite: one prepared single-row statement reused for every row (it binds parameters by
        // name with a linear search, so big statements cost more).
        var perStatement = 1;
        var sql = new System.Text.StringBuilder();
        System.Data.Common.DbCommand? command = null;
        try
        {
            for (var start = 0; start < listed.Length; start += perStatement)
            {
                var count = Math.Min(perStatement, listed.Length - start);
                if (command is null || count != perStatement)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = connection.CreateCommand();
                    command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                    command.CommandTimeout = 600;
                }
                command.Parameters.Clear();
                sql.Clear().Append("INSERT INTO catalog_search (rowid, title, doc_no, keywords, summary, body) VALUES ");
                var n = 0;
                for (var r = 0; r < count; r++)
                {
                    var (item, doc) = (listed[start + r], docs[start + r]);
                    if (r > 0) sql.Append(", ");
                    sql.Append('(').Append(Add(command, ref n, item.SearchKey));
                    foreach (var field in Fields) sql.Append(", ").Append(Add(command, ref n, doc.Fts5(field)));
                    sql.Append(')');
                }
                var text = sql.ToString();
                if (command.CommandText != text) command.CommandText = text;
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }

        static string Add(System.Data.Common.DbCommand command, ref int n, object value)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + n++;
            p.Value = value;
            command.Parameters.Add(p);
            return p.ParameterName;
        }
    }

    /// <summary>
    /// PostgreSQL: one binary COPY. The tsvector goes in its binary wire form (built by
    /// <see cref="SearchDocument"/> from the same positions as the literal the single-row path
    /// casts), which the server reads without parsing text; Npgsql sends it as raw bytes and the
    /// server decodes the field with the column's type, tsvector.
    /// </summary>
    private static async Task CopyAsync(Npgsql.NpgsqlConnection connection, IndexBatch batch, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync("COPY catalog_search (search_key, tsv) FROM STDIN (FORMAT BINARY)", ct);
        writer.Timeout = TimeSpan.FromMinutes(10);
        for (var i = 0; i < batch.Items.Length; i++)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(batch.Items[i].SearchKey, NpgsqlTypes.NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(batch.Docs[i].TsVectorBinary, NpgsqlTypes.NpgsqlDbType.Bytea, ct);
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>FTS5's own default for 'hashsize': the bytes of new terms it keeps in memory before writing a segment.</summary>
    public const int DefaultFtsHashSize = 1 << 20;

    /// <summary>SQLite: sets FTS5's 'hashsize' (stored in the index; put it back to <see cref="DefaultFtsHashSize"/> after a bulk load).</summary>
    public async Task SetSqliteMemoryAsync(int bytes, CancellationToken ct = default) =>
        await db.Database.ExecuteSqlAsync($"INSERT INTO catalog_search (catalog_search, rank) VALUES ('hashsize', {bytes})", ct);

    private static readonly SearchField[] Fields = [SearchField.Title, SearchField.DocNo, SearchField.Keywords, SearchField.Summary, SearchField.Body];

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
