using Gongkai.Agencies;
using Gongkai.Appeals;
using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reporting;

public sealed record AggregationPart(string Code, string Name, bool Published);

public sealed record AggregationResult(AggregationPart Parent, IReadOnlyList<AggregationPart> Children, IReadOnlyList<RuleFailure> Failures);

/// <summary>
/// Compares a government's whole-tree report with the sum of its parts: its own records plus each
/// direct child's (whole-tree) report. Published reports are taken as published, so a department
/// that published figures its records no longer give shows up here. Tables 三 and 四 only: table
/// 二's recorded amounts are not additive by nature. The requests of the whole subtree are tallied
/// in one query grouped per agency; each part's figures are built from its agencies' tallies.
/// </summary>
public sealed class CheckAggregation(GongkaiDb db, GenerateReport generate, ReportingOptions options)
{
    public async Task<Result<AggregationResult>> RunAsync(string agencyCode, int year, CancellationToken ct = default)
    {
        var resolved = await generate.ResolveAsync(agencyCode, year, ct);
        if (!resolved.Succeeded) return Result<AggregationResult>.Fail(resolved.Errors);
        var agency = resolved.Value;
        var agencies = await db.Agencies.AsNoTracking()
            .Select(a => new { a.Id, a.Code, a.Name, a.ParentId, a.SortOrder }).ToListAsync(ct);
        var tree = agencies.Select(a => (a.Id, a.ParentId)).ToList();
        var subtree = ReportRecordQueries.Descendants(agency.Id, tree);
        var stored = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year && subtree.Contains(r.AgencyId)).ToListAsync(ct);
        var reports = stored.ToDictionary(r => r.AgencyId);
        var format = reports.GetValueOrDefault(agency.Id)?.Format ?? ReportRecordQueries.DefaultFormat(year);

        var tallies = await ReportRecordQueries.TallyAsync(db, subtree, year, byAgency: true, ct);
        var last = new DateOnly(year, 12, 31);
        var appeals = await db.RequestAppeals.AsNoTracking()
            .Where(a => subtree.Contains(a.AgencyId) && a.FiledOn <= last)
            .Select(a => new { a.AgencyId, Fact = new AppealFact(a.Id, a.RequestId, a.Kind, a.FiledOn, a.Outcome, a.DecidedOn) })
            .ToListAsync(ct);

        var talliesOf = tallies.Rows.ToLookup(t => t.AgencyId);
        var appealsOf = appeals.ToLookup(a => a.AgencyId, a => a.Fact);

        // A part's cells: as published when its report is published in this format and scope, else computed.
        IReadOnlyDictionary<string, decimal> Cells(Guid id, IReadOnlyCollection<Guid> ids, ReportScope scope)
        {
            var records = new ReportRecords([], [.. ids.SelectMany(i => appealsOf[i])], [], new RequestTallies(year, [.. ids.SelectMany(i => talliesOf[i])]));
            var figures = ReportBuilder.Build(format, year, records, null, options);
            if (reports.GetValueOrDefault(id) is not { State: AnnualReportState.published } report || report.Format != format || report.Scope != scope)
                return figures.Present;
            var frozen = report.PublishedCellMap();
            return figures.Cells.Keys.Where(k => frozen.GetValueOrDefault(k) is not null).ToDictionary(k => k, k => frozen[k]!.Value, StringComparer.Ordinal);
        }
        bool Published(Guid id, ReportScope scope) =>
            reports.GetValueOrDefault(id) is { State: AnnualReportState.published } r && r.Format == format && r.Scope == scope;

        var parentCells = Cells(agency.Id, subtree, ReportScope.tree);
        var parts = new List<(AggregationPart Part, IReadOnlyDictionary<string, decimal> Cells)>
        {
            (new AggregationPart(agencyCode, agency.Name + "（本机关）", false), Cells(agency.Id, [agency.Id], ReportScope.own)),
        };
        foreach (var child in agencies.Where(a => a.ParentId == agency.Id).OrderBy(a => a.SortOrder).ThenBy(a => a.Code))
            parts.Add((new AggregationPart(child.Code, child.Name, Published(child.Id, ReportScope.tree)),
                Cells(child.Id, ReportRecordQueries.Descendants(child.Id, tree), ReportScope.tree)));
        var keys = ReportFormats.For(format).Cells.Select(c => c.Key)
            .Where(k => k.StartsWith("applications.", StringComparison.Ordinal) || k.StartsWith("review.", StringComparison.Ordinal) || k.StartsWith("litigation.", StringComparison.Ordinal));
        var failures = ConsistencyRules.CheckAggregation(parentCells, [.. parts.Select(p => p.Cells)], keys);
        var parentPart = new AggregationPart(agencyCode, agency.Name, Published(agency.Id, ReportScope.tree));
        return Result<AggregationResult>.Ok(new AggregationResult(parentPart, [.. parts.Skip(1).Select(p => p.Part)], failures));
    }
}

public enum DeadlineState { published, published_late, draft, missing, overdue }

public sealed record AgencyReportStatus(string Code, string Name, AgencyKind Kind, int Depth, DateOnly Deadline, DeadlineState State, DateTimeOffset? PublishedAt);

/// <summary>Every agency's report for a year against its Art. 49 deadline: published (on time or late), in draft, missing, overdue.</summary>
public sealed class ListReportDeadlines(GongkaiDb db, TimeProvider clock, ReportingOptions options)
{
    public async Task<IReadOnlyList<AgencyReportStatus>> RunAsync(int year, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Name, a.Kind, a.ParentId }).ToListAsync(ct);
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year)
            .Select(r => new { r.AgencyId, r.State, r.PublishedAt }).ToDictionaryAsync(r => r.AgencyId, ct);
        var byParent = agencies.ToLookup(a => a.ParentId);
        var result = new List<AgencyReportStatus>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var a in byParent[parent])
            {
                var deadline = ReportRecordQueries.Deadline(a.Kind, year, options);
                var report = reports.GetValueOrDefault(a.Id);
                var state = report switch
                {
                    { State: AnnualReportState.published } r when r.PublishedAt is { } at && DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime) > deadline => DeadlineState.published_late,
                    { State: AnnualReportState.published } => DeadlineState.published,
                    _ when today > deadline => DeadlineState.overdue,
                    null => DeadlineState.missing,
                    _ => DeadlineState.draft,
                };
                result.Add(new AgencyReportStatus(a.Code, a.Name, a.Kind, depth, deadline, state, report?.PublishedAt));
                Walk(a.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    public static string Label(DeadlineState state) => state switch
    {
        DeadlineState.published => "已按时发布",
        DeadlineState.published_late => "逾期发布",
        DeadlineState.draft => "编制中",
        DeadlineState.missing => "尚未编制",
        _ => "已逾期未发布",
    };
}
