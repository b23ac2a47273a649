using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Search;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Catalog.Import;

public sealed record ImportOutcome(int Imported, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Loads an existing catalogue from CSV into an agency (<c>gongkai catalog import</c>): all rows or
/// none. Rows become published items in order of publication date, each with a new index number;
/// they skip review because they were published before the system existed — the audit entry says so.
/// </summary>
public sealed class ImportCatalog(GongkaiDb db, TimeProvider clock)
{
    private const int Batch = 5000;
    private const int FtsImportHashSize = 64 << 20;

    /// <summary>Where the last <see cref="RunAsync"/> spent its wall-clock time, by phase (printed by the import benchmark).</summary>
    public ImportTimings Timings { get; } = new();

    public async Task<ImportOutcome> RunAsync(CatalogActor actor, string agencyCode, Stream csv, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == agencyCode).Select(a => new { a.Id }).FirstOrDefaultAsync(ct);
        if (agency is null) return Fail($"找不到代码为“{agencyCode}”的机关。");
        if (actor.Require(StaffRole.editor, agency.Id) is not null || actor.Require(StaffRole.reviewer, agency.Id) is not null)
            return Fail("导入目录需要本机关的采编和审核权限。");

        var phase = Timings.Start();
        var read = CatalogCsv.Read(csv, ChinaTime.Today(clock));
        Timings.Add("read+validate", phase);
        if (!read.IsValid) return new ImportOutcome(0, read.Problems);
        await PublishRowsAsync(actor, agency.Id, read.Rows, progress, ct);
        return new ImportOutcome(read.Rows.Count, []);
    }

    /// <summary>
    /// Publishes valid rows as items in one transaction (also used by the demo data). The write path
    /// is bulk: index numbers and search keys are reserved as blocks (one counter update each), rows
    /// go in as multi-row INSERTs without the change tracker, the search index is filled in bulk, and
    /// the import is one audit entry. Any failure rolls everything back.
    /// </summary>
    internal async Task PublishRowsAsync(CatalogActor actor, Guid agencyId, IReadOnlyList<CatalogImportRow> input, IProgress<int>? progress, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Id, a.Code, a.Name, a.CreditCode }).SingleAsync(ct);
        var rows = input.OrderBy(r => r.PublishedOn).ThenBy(r => r.Line).ToList();
        if (rows.Count == 0) return;
        var settings = await Publication.SettingsAsync(db, agency.Id, ct);
        // Primary keys are random Guids, so inserts touch pages all over the B-trees: give this
        // connection a page cache that holds them (SQLite's default is 2 MB), and put it back after.
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            // The checkpoint after the commit (copying the WAL into the database file) runs as a step
            // of its own, timed apart from the commit; PASSIVE, as the automatic one: it never waits
            // for readers, and what it cannot copy now a later commit's checkpoint copies.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 0", ct);
        }
        try
        {
            await WriteAsync(actor, agency.Id, agency.Code, agency.Name, agency.CreditCode, rows, settings, progress, ct);
            if (sqlite)
            {
                var checkpoint = Timings.Start();
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE)", ct);
                Timings.Add("checkpoint", checkpoint);
            }
        }
        finally
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private async Task WriteAsync(CatalogActor actor, Guid agencyId, string agencyCode, string agencyName, string creditCode,
        List<CatalogImportRow> rows, AgencyCatalogSettings settings, IProgress<int>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var index = new CatalogSearchIndex(db);
        var postgres = db.Database.IsNpgsql();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Blocks of numbers: per counter year for index numbers, one block for search keys.
        var nextSerial = new Dictionary<int, long>();
        foreach (var year in rows.GroupBy(r => IndexNumbers.CounterYear(settings.IndexPattern, r.PublishedOn)))
            nextSerial[year.Key] = await Publication.ReserveAsync(db, agencyId, year.Key, year.Count(), ct);
        var nextSequence = await Publication.ReserveSearchKeysAsync(db, rows.Count, ct);
        var ids = AscendingIds(rows.Count);
        var nextId = 0;
        // SQLite's FTS5 collects new terms in memory and writes them out as a segment whenever that
        // reaches 'hashsize' (1 MB by default), then merges segments: with 64 MB an import of 100,000
        // rows writes a few dozen large segments instead of hundreds of small ones. The setting is
        // stored in the index, so it is put back before the commit.
        if (!postgres) await index.SetSqliteMemoryAsync(FtsImportHashSize, ct);

        // One chunk behind: the search rows of the previous chunk are written while this chunk's
        // documents are built on the other core (on PostgreSQL the server indexes them meanwhile).
        Task<CatalogSearchIndex.IndexBatch>? previousDocuments = null;
        var previousEnd = 0;
        for (var start = 0; start < rows.Count; start += Batch)
        {
            var phase = Timings.Start();
            var chunk = rows.GetRange(start, Math.Min(Batch, rows.Count - start));
            var items = new List<InformationItem>(chunk.Count);
            var versions = new List<ItemVersion>(chunk.Count);
            var published = new List<PublishedItem>(chunk.Count);
            foreach (var row in chunk)
            {
                var year = IndexNumbers.CounterYear(settings.IndexPattern, row.PublishedOn);
                var serial = nextSerial[year]++;
                var indexNo = IndexNumbers.Format(settings.IndexPattern, creditCode, row.PublishedOn, serial, row.Category);
                var content = new ItemContent
                {
                    Title = row.Title, DocNo = row.DocNo, Category = row.Category, Topic = row.Topic, Genre = row.Genre, Kind = row.Kind,
                    WrittenOn = row.WrittenOn, Keywords = row.Keywords, Summary = row.Summary, Body = row.Body,
                };
                var item = InformationItem.CreatePublished(agencyId, content, indexNo, row.PublishedOn, row.Validity, row.AbolishedOn, actor.UserId, now, ids[nextId++]);
                items.Add(item);
                versions.Add(ItemVersion.Of(item, now, actor.UserName));
                var p = new PublishedItem { SearchKey = PublishedItem.MakeSearchKey(row.PublishedOn, nextSequence++) };
                p.CopyFrom(item, now);
                published.Add(p);
            }
            // The search documents are built on another core while this one writes the rows.
            phase = Timings.Add("build rows", phase);
            var documents = Task.Run(() => CatalogSearchIndex.Prepare(published, postgres), ct);
            if (previousDocuments is not null)
            {
                await WriteSearchRowsAsync(index, previousDocuments, ct);
                progress?.Report(previousEnd);
                phase = Timings.Start();
            }
            await BulkInsert.InsertAsync(db, items, ct);
            phase = Timings.Add("insert items", phase);
            await BulkInsert.InsertAsync(db, versions, ct);
            phase = Timings.Add("insert versions", phase);
            await BulkInsert.InsertAsync(db, published, ct);
            Timings.Add("insert public copies", phase);
            (previousDocuments, previousEnd) = (documents, start + chunk.Count);
        }
        if (previousDocuments is not null)
        {
            await WriteSearchRowsAsync(index, previousDocuments, ct);
            progress?.Report(previousEnd);
        }
        db.Audit.Record(actor.UserName, agencyId, "catalog.import", $"Agency:{agencyCode}",
            $"导入既有目录 {rows.Count} 条到“{agencyName}”（原已发布，未经本系统审核流程），并分配索引号");
        if (!postgres) await index.SetSqliteMemoryAsync(CatalogSearchIndex.DefaultFtsHashSize, ct);
        var commit = Timings.Start();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Timings.Add("commit", commit);
    }

    private async Task WriteSearchRowsAsync(CatalogSearchIndex index, Task<CatalogSearchIndex.IndexBatch> documents, CancellationToken ct)
    {
        var phase = Timings.Start();
        var prepared = await documents;
        phase = Timings.Add("wait for search documents", phase);
        await index.PutManyAsync(prepared, ct);
        Timings.Add("insert search index", phase);
    }

    /// <summary>
    /// Time-ordered (version 7) Guids, sorted as both databases order them (SQLite compares the
    /// text form, PostgreSQL the bytes: the same order). Rows inserted in this order append to the
    /// primary-key and item-id indexes instead of touching pages all over them.
    /// </summary>
    private static Guid[] AscendingIds(int count)
    {
        var ids = new Guid[count];
        var keys = new string[count];
        for (var i = 0; i < count; i++) keys[i] = (ids[i] = Guid.CreateVersion7()).ToString();
        Array.Sort(keys, ids, StringComparer.Ordinal);
        return ids;
    }

    private static ImportOutcome Fail(string reason) => new(0, [new ImportProblem(0, reason)]);
}
