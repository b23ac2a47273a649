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
    private const int Batch = 2000;

    public async Task<ImportOutcome> RunAsync(CatalogActor actor, string agencyCode, Stream csv, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == agencyCode).Select(a => new { a.Id }).FirstOrDefaultAsync(ct);
        if (agency is null) return Fail($"找不到代码为“{agencyCode}”的机关。");
        if (actor.Require(StaffRole.editor, agency.Id) is not null || actor.Require(StaffRole.reviewer, agency.Id) is not null)
            return Fail("导入目录需要本机关的采编和审核权限。");

        var read = CatalogCsv.Read(csv, ChinaTime.Today(clock));
        if (!read.IsValid) return new ImportOutcome(0, read.Problems);
        await PublishRowsAsync(actor, agency.Id, read.Rows, progress, ct);
        return new ImportOutcome(read.Rows.Count, []);
    }

    /// <summary>Publishes valid rows as items, in batches, in one transaction (also used by the demo data).</summary>
    internal async Task PublishRowsAsync(CatalogActor actor, Guid agencyId, IReadOnlyList<CatalogImportRow> input, IProgress<int>? progress, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Id, a.Code, a.Name, a.CreditCode }).SingleAsync(ct);
        var rows = input.OrderBy(r => r.PublishedOn).ThenBy(r => r.Line).ToList();
        var settings = await Publication.SettingsAsync(db, agency.Id, ct);
        var now = clock.GetUtcNow();
        var index = new CatalogSearchIndex(db);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            for (var start = 0; start < rows.Count; start += Batch)
            {
                var published = new List<PublishedItem>();
                foreach (var row in rows.Skip(start).Take(Batch))
                {
                    var serial = await Publication.NextAsync(db, agency.Id, IndexNumbers.CounterYear(settings.IndexPattern, row.PublishedOn), ct);
                    var indexNo = IndexNumbers.Format(settings.IndexPattern, agency.CreditCode, row.PublishedOn, serial, row.Category);
                    var content = new ItemContent
                    {
                        Title = row.Title, DocNo = row.DocNo, Category = row.Category, Topic = row.Topic, Genre = row.Genre, Kind = row.Kind,
                        WrittenOn = row.WrittenOn, Keywords = row.Keywords, Summary = row.Summary, Body = row.Body,
                    };
                    var item = InformationItem.CreatePublished(agency.Id, content, indexNo, row.PublishedOn, row.Validity, row.AbolishedOn, actor.UserId, now);
                    db.CatalogItems.Add(item);
                    db.ItemVersions.Add(ItemVersion.Of(item, now, actor.UserName));
                    var sequence = await Publication.NextAsync(db, Guid.Empty, -1, ct);
                    var p = new PublishedItem { SearchKey = PublishedItem.MakeSearchKey(row.PublishedOn, sequence) };
                    p.CopyFrom(item, now);
                    db.PublishedItems.Add(p);
                    published.Add(p);
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                foreach (var p in published) await index.PutAsync(p, ct);
                // Keep the counters tracked (they are read again), let everything else go.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not IndexCounter).ToList()) entry.State = EntityState.Detached;
                progress?.Report(Math.Min(rows.Count, start + Batch));
            }
            db.Audit.Record(actor.UserName, agency.Id, "catalog.import", $"Agency:{agency.Code}",
                $"导入既有目录 {rows.Count} 条到“{agency.Name}”（原已发布，未经本系统审核流程），并分配索引号");
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static ImportOutcome Fail(string reason) => new(0, [new ImportProblem(0, reason)]);
}
