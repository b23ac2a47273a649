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
    public static async Task<ReportRecords> LoadAsync(GongkaiDb db, IReadOnlyCollection<Guid> agencyIds, int year, bool withExtensions = true, CancellationToken ct = default)
    {
        var last = new DateOnly(year, 12, 31);
        var since = new DateOnly(year - 1, 1, 1);
        var ids = agencyIds.ToList();
        var rows = await db.DisclosureRequests.AsNoTracking()
            .Where(r => ids.Contains(r.AgencyId) && r.ReceivedOn <= last && (r.DecidedOn == null || r.DecidedOn >= since))
            .Select(r => new
            {
                r.Id, r.ApplicantKind, r.ReceivedOn, r.DecidedOn, r.ResultLeaf, r.Channel,
                // Only the legacy statistics need it, and the correlated lookup costs a probe per request.
                Extended = withExtensions && r.Events.Any(e => e.Type == RequestEventType.Extended),
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
    /// What <see cref="GenerateReport"/> counts: table 三 as SQL-grouped <see cref="RequestTallies"/>
    /// (one fact per request only for the legacy format, whose channels and extensions the tallies
    /// do not carry), appeals and catalogue items as facts. Applies
    /// <see cref="ReportingOptions.CountExpiredAsRepealed"/> and, for legacy, loads every item kind.
    /// </summary>
    public static async Task<ReportRecords> LoadForAsync(GongkaiDb db, IReadOnlyCollection<Guid> agencyIds, int year, ReportFormat format,
        ReportingOptions options, CancellationToken ct = default)
    {
        ReportRecords records;
        if (format == ReportFormat.Legacy) records = await LoadAsync(db, agencyIds, year, withExtensions: true, ct);
        else
        {
            var tallies = await TallyAsync(db, agencyIds, year, byAgency: false, ct);
            var (appeals, items) = await LoadAppealsAndItemsAsync(db, agencyIds, year, ct);
            records = new ReportRecords([], appeals, items, tallies);
        }
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

    /// <summary>
    /// Table 三's requests of <paramref name="agencyIds"/> for <paramref name="year"/> and the year
    /// before, grouped in SQL by applicant kind × result leaf × receipt period × decision period
    /// (and agency when <paramref name="byAgency"/>): the same rows as <see cref="LoadAsync"/>
    /// selects. Two queries so each range is served by an index: received since 1 January of last
    /// year, and received earlier but still open then (agency, decided date). Unless
    /// <paramref name="byAgency"/>, twelve counts give the year's receipts by month for the
    /// chart (index range scans, without a sort).
    /// </summary>
    public static async Task<RequestTallies> TallyAsync(GongkaiDb db, IReadOnlyCollection<Guid> agencyIds, int year, bool byAgency, CancellationToken ct = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var since = new DateOnly(year - 1, 1, 1);
        var ids = agencyIds.ToList();
        var scope = db.DisclosureRequests.AsNoTracking().Where(r => ids.Contains(r.AgencyId));
        // SQLite sorts every row into a temporary B-tree for a GROUP BY; rows read from the index in
        // the grouping order (kind, leaf, dates) sort about twice as fast as rows read by date. Without
        // statistics the planner prefers the date index for the date range, hence the hint.
        var grouped = db.Database.IsSqlite()
            ? db.DisclosureRequests.FromSqlRaw(GroupIndexSource).AsNoTracking().Where(r => ids.Contains(r.AgencyId))
            : scope;
        var recent = grouped.Where(r => r.ReceivedOn >= since && r.ReceivedOn <= last && (r.DecidedOn == null || r.DecidedOn >= since));
        var older = scope.Where(r => r.ReceivedOn < since && (r.DecidedOn == null || r.DecidedOn >= since));
        var rows = new List<RequestTally>();
        foreach (var q in new[] { recent, older })
        {
            if (byAgency)
            {
                var counts = await q
                    .GroupBy(r => new
                    {
                        r.AgencyId, r.ApplicantKind, r.ResultLeaf,
                        Received = r.ReceivedOn < since ? 0 : r.ReceivedOn < first ? 1 : 2,
                        Decided = r.DecidedOn == null ? 4 : r.DecidedOn < first ? 1 : r.DecidedOn <= last ? 2 : 3,
                    })
                    .Select(g => new { g.Key.AgencyId, g.Key.ApplicantKind, g.Key.ResultLeaf, g.Key.Received, g.Key.Decided, Count = g.Count() })
                    .ToListAsync(ct);
                rows.AddRange(counts.Select(g => Tally(g.AgencyId, g.ApplicantKind, g.ResultLeaf, g.Received, g.Decided, 0, g.Count)));
            }
            else
            {
                var counts = await q
                    .GroupBy(r => new
                    {
                        r.ApplicantKind, r.ResultLeaf,
                        Received = r.ReceivedOn < since ? 0 : r.ReceivedOn < first ? 1 : 2,
                        Decided = r.DecidedOn == null ? 4 : r.DecidedOn < first ? 1 : r.DecidedOn <= last ? 2 : 3,
                    })
                    .Select(g => new { g.Key.ApplicantKind, g.Key.ResultLeaf, g.Key.Received, g.Key.Decided, Count = g.Count() })
                    .ToListAsync(ct);
                rows.AddRange(counts.Select(g => Tally(Guid.Empty, g.ApplicantKind, g.ResultLeaf, g.Received, g.Decided, 0, g.Count)));
            }
        }
        if (byAgency) return new RequestTallies(year, rows);
        // One count per month: each is an index range scan without the sort a GROUP BY needs.
        var months = new int[12];
        for (var m = 1; m <= 12; m++)
        {
            var from = new DateOnly(year, m, 1);
            var to = from.AddMonths(1);
            months[m - 1] = await scope.CountAsync(r => r.ReceivedOn >= from && r.ReceivedOn < to && (r.DecidedOn == null || r.DecidedOn >= since), ct);
        }
        return new RequestTallies(year, rows) { ReceivedMonths = months };
    }

    /// <summary>The index <see cref="TallyAsync"/> reads on SQLite (see RequestConfiguration).</summary>
    public const string GroupIndex = "IX_disclosure_requests_report_group";

    private const string GroupIndexSource = "SELECT * FROM \"disclosure_requests\" INDEXED BY \"" + GroupIndex + "\"";

    // A leaf the report does not know, or a decision date without a leaf, leaves the request open (as in LoadAsync).
    private static RequestTally Tally(Guid agencyId, ApplicantKind kind, string? leafKey, int received, int decided, int month, int count)
    {
        var known = ReportKeys.TryParseLeaf(leafKey, out var leaf);
        return new RequestTally(agencyId, Column(kind), known ? leaf : null, (TallyPeriod)received,
            known && decided != (int)TallyPeriod.Never ? (TallyPeriod)decided : TallyPeriod.Never, month, count);
    }

    private static async Task<(List<AppealFact> Appeals, List<ItemFact> Items)> LoadAppealsAndItemsAsync(
        GongkaiDb db, IReadOnlyCollection<Guid> agencyIds, int year, CancellationToken ct)
    {
        var last = new DateOnly(year, 12, 31);
        var ids = agencyIds.ToList();
        var appeals = await db.RequestAppeals.AsNoTracking()
            .Where(a => ids.Contains(a.AgencyId) && a.FiledOn <= last)
            .Select(a => new AppealFact(a.Id, a.RequestId, a.Kind, a.FiledOn, a.Outcome, a.DecidedOn))
            .ToListAsync(ct);
        var items = await db.CatalogItems.AsNoTracking()
            .Where(i => ids.Contains(i.AgencyId) && i.PublishedVersion > 0 && i.Status != ItemStatus.withdrawn && i.Kind != ItemKind.other)
            .Select(i => new { i.Id, i.Kind, i.WrittenOn, i.PublishedOn, i.Validity, i.ValidityChangedOn })
            .ToListAsync(ct);
        return (appeals, [.. items.Select(i => new ItemFact(i.Id, i.Kind, i.WrittenOn, i.PublishedOn, i.Validity != Validity.valid, i.ValidityChangedOn))]);
    }

    /// <summary>
    /// The records a drill-down into <paramref name="key"/> selects from: for a table-三 cell, only
    /// that column's requests of that row, loaded now (the report itself holds tallies, not
    /// requests); for other cells, the report's own records.
    /// </summary>
    public static async Task<ReportRecords> ForDrillDownAsync(GongkaiDb db, GeneratedReport report, string key, CancellationToken ct = default)
    {
        if (!key.StartsWith("applications.", StringComparison.Ordinal) || report.Records.Tallies is null) return report.Records;
        var (row, column) = ReportDrillDown.SplitApplicationKey(key);
        if (row is null) return report.Records;
        var format = report.Figures.Format;
        var year = report.Figures.Year;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var since = new DateOnly(year - 1, 1, 1);
        var ids = (await ScopeAsync(db, report.Agency.Id, report.Scope, ct)).ToList();
        var kinds = Enum.GetValues<ApplicantKind>().Where(k => column == ApplicantColumn.Total || Column(k) == column).ToList();
        var known = ReportKeys.Leaves.Select(l => l.Key()).ToList();
        var inRow = ReportKeys.Leaves.Where(l => ReportBuilder.LeafRow(format, l) == row).Select(l => l.Key()).ToList();
        var q = db.DisclosureRequests.AsNoTracking()
            .Where(r => ids.Contains(r.AgencyId) && kinds.Contains(r.ApplicantKind) && r.ReceivedOn <= last && (r.DecidedOn == null || r.DecidedOn >= since))
            // in the year's table: received in it, or open at the end of last year
            .Where(r => r.ReceivedOn >= first || r.DecidedOn == null || r.ResultLeaf == null || !known.Contains(r.ResultLeaf) || r.DecidedOn >= first);
        q = row switch
        {
            "new" => q.Where(r => r.ReceivedOn >= first),
            "carried_over" => q.Where(r => r.ReceivedOn < first),
            "carry_forward" => q.Where(r => r.DecidedOn == null || r.ResultLeaf == null || !known.Contains(r.ResultLeaf) || r.DecidedOn > last),
            "result.total" => q.Where(r => r.DecidedOn <= last && known.Contains(r.ResultLeaf!)),
            _ => q.Where(r => r.DecidedOn <= last && inRow.Contains(r.ResultLeaf!)),
        };
        var rows = await q.Select(r => new { r.Id, r.ApplicantKind, r.ReceivedOn, r.DecidedOn, r.ResultLeaf, r.Channel }).ToListAsync(ct);
        var requests = rows.Select(r => new RequestFact(
            r.Id, Column(r.ApplicantKind), r.ReceivedOn,
            r.ResultLeaf is not null ? r.DecidedOn : null,
            ReportKeys.TryParseLeaf(r.ResultLeaf, out var leaf) ? leaf : null,
            r.Channel.Key(), false)).ToList();
        return report.Records with { Requests = requests, Tallies = null };
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
