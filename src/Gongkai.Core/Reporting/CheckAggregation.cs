using Gongkai.Agencies;
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
/// 二's recorded amounts are not additive by nature.
/// </summary>
public sealed class CheckAggregation(GongkaiDb db, GenerateReport generate)
{
    public async Task<Result<AggregationResult>> RunAsync(string agencyCode, int year, CancellationToken ct = default)
    {
        var parent = await generate.RunAsync(agencyCode, year, scope: ReportScope.tree, ct: ct);
        if (!parent.Succeeded) return Result<AggregationResult>.Fail(parent.Errors);
        var format = parent.Value.Figures.Format;
        var own = await generate.RunAsync(agencyCode, year, format, ReportScope.own, ct);
        var childCodes = await db.Agencies.AsNoTracking().Where(a => a.ParentId == parent.Value.Agency.Id)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Code).Select(a => a.Code).ToListAsync(ct);
        var parts = new List<(AggregationPart Part, IReadOnlyDictionary<string, decimal> Cells)>
        {
            (new AggregationPart(agencyCode, parent.Value.Agency.Name + "（本机关）", false), own.Value.Figures.Present),
        };
        foreach (var code in childCodes)
        {
            var child = await generate.RunAsync(code, year, format, ReportScope.tree, ct);
            if (!child.Succeeded) continue;
            parts.Add((new AggregationPart(code, child.Value.Agency.Name, child.Value.State == AnnualReportState.published), child.Value.Figures.Present));
        }
        var keys = ReportFormats.For(format).Cells.Select(c => c.Key)
            .Where(k => k.StartsWith("applications.", StringComparison.Ordinal) || k.StartsWith("review.", StringComparison.Ordinal) || k.StartsWith("litigation.", StringComparison.Ordinal));
        var failures = ConsistencyRules.CheckAggregation(parent.Value.Figures.Present, [.. parts.Select(p => p.Cells)], keys);
        var parentPart = new AggregationPart(agencyCode, parent.Value.Agency.Name, parent.Value.State == AnnualReportState.published);
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
