using Gongkai.Agencies;
using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reporting;

/// <summary>Loads the records a report counts, as facts, with narrow projections.</summary>
public static class ReportRecordQueries
{
    /// <summary>
    /// The records of <paramref name="agencyIds"/> that can matter for <paramref name="year"/> and the
    /// year before it (for the carry-over continuity check): received by 31 Dec and not decided before 1 Jan of the year before.
    /// </summary>
    public static async Task<ReportRecords> LoadAsync(GongkaiDb db, IReadOnlyCollection<Guid> agencyIds, int year, CancellationToken ct = default)
    {
        var last = new DateOnly(year, 12, 31);
        var since = new DateOnly(year - 1, 1, 1);
        var ids = agencyIds.ToList();
        var rows = await db.DisclosureRequests.AsNoTracking()
            .Where(r => ids.Contains(r.AgencyId) && r.ReceivedOn <= last && (r.DecidedOn == null || r.DecidedOn >= since))
            .Select(r => new
            {
                r.Id, r.ApplicantKind, r.ReceivedOn, r.DecidedOn, r.ResultLeaf, r.Channel,
                Extended = r.Events.Any(e => e.Type == RequestEventType.Extended),
            })
            .ToListAsync(ct);
        var requests = rows.Select(r => new RequestFact(
            r.Id, Column(r.ApplicantKind), r.ReceivedOn,
            r.ResultLeaf is not null ? r.DecidedOn : null,
            ReportKeys.TryParseLeaf(r.ResultLeaf, out var leaf) ? leaf : null,
            r.Channel.Key(), r.Extended)).ToList();

        var appeals = await db.RequestAppeals.AsNoTracking()
            .Where(a => ids.Contains(a.AgencyId) && a.FiledOn <= last)
            .Select(a => new AppealFact(a.Id, a.RequestId, a.Kind, a.FiledOn, a.Outcome, a.DecidedOn))
            .ToListAsync(ct);

        var items = await db.CatalogItems.AsNoTracking()
            .Where(i => ids.Contains(i.AgencyId) && i.PublishedVersion > 0 && i.Status != ItemStatus.withdrawn && i.Kind != ItemKind.other)
            .Select(i => new { i.Id, i.Kind, i.WrittenOn, i.PublishedOn, i.Validity, i.ValidityChangedOn })
            .ToListAsync(ct);
        return new ReportRecords(requests, appeals,
            [.. items.Select(i => new ItemFact(i.Id, i.Kind, i.WrittenOn, i.PublishedOn, i.Validity != Validity.valid, i.ValidityChangedOn))]);
    }

    /// <summary>
    /// Like <see cref="LoadAsync"/> but applies <see cref="ReportingOptions.CountExpiredAsRepealed"/>
    /// and keeps legacy's "all published items" count possible by loading every kind.
    /// </summary>
    public static async Task<ReportRecords> LoadForAsync(GongkaiDb db, IReadOnlyCollection<Guid> agencyIds, int year, ReportFormat format,
        ReportingOptions options, CancellationToken ct = default)
    {
        var records = await LoadAsync(db, agencyIds, year, ct);
        if (format == ReportFormat.Legacy)
        {
            var ids = agencyIds.ToList();
            var all = await db.CatalogItems.AsNoTracking()
                .Where(i => ids.Contains(i.AgencyId) && i.PublishedVersion > 0 && i.Status != ItemStatus.withdrawn && i.Kind == ItemKind.other)
                .Select(i => new ItemFact(i.Id, i.Kind, i.WrittenOn, i.PublishedOn, false, null))
                .ToListAsync(ct);
            records = records with { Items = [.. records.Items, .. all] };
        }
        if (!options.CountExpiredAsRepealed)
        {
            var expired = await db.CatalogItems.AsNoTracking()
                .Where(i => agencyIds.Contains(i.AgencyId) && i.Validity == Validity.expired).Select(i => i.Id).ToListAsync(ct);
            var set = expired.ToHashSet();
            records = records with { Items = [.. records.Items.Select(i => set.Contains(i.Id) ? i with { Repealed = false, RepealedOn = null } : i)] };
        }
        return records;
    }

    /// <summary>The agency and, for <see cref="ReportScope.tree"/>, every agency below it.</summary>
    public static async Task<IReadOnlyList<Guid>> ScopeAsync(GongkaiDb db, Guid agencyId, ReportScope scope, CancellationToken ct = default)
    {
        if (scope == ReportScope.own) return [agencyId];
        var all = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
        return Descendants(agencyId, all.Select(a => (a.Id, a.ParentId)).ToList());
    }

    public static IReadOnlyList<Guid> Descendants(Guid root, IReadOnlyList<(Guid Id, Guid? ParentId)> agencies)
    {
        var children = agencies.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value, a => a.Id);
        var result = new List<Guid>();
        var queue = new Queue<Guid>([root]);
        while (queue.TryDequeue(out var id))
        {
            if (result.Contains(id)) continue;
            result.Add(id);
            foreach (var child in children[id]) queue.Enqueue(child);
        }
        return result;
    }

    private static ApplicantColumn Column(ApplicantKind kind) =>
        ReportKeys.TryParseColumn(kind.Key(), out var column) ? column : ApplicantColumn.LegalPersonOther;

    /// <summary>The default format for a report year (annual-report-format.md §1).</summary>
    public static ReportFormat DefaultFormat(int year) =>
        year >= 2021 ? ReportFormat.V2021 : year >= 2019 ? ReportFormat.V2019 : ReportFormat.Legacy;

    /// <summary>The statutory deadline of an agency's report for <paramref name="year"/> (Art. 49; townships: see options).</summary>
    public static DateOnly Deadline(AgencyKind kind, int year, ReportingOptions options) => kind switch
    {
        AgencyKind.government => new DateOnly(year + 1, 3, 31),
        AgencyKind.department => new DateOnly(year + 1, 1, 31),
        _ => new DateOnly(year + 1, options.TownshipDeadlineMonth, options.TownshipDeadlineDay),
    };
}
