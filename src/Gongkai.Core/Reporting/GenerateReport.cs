using Gongkai.Agencies;
using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reporting;

public sealed record ReportAgency(Guid Id, string Code, string Name, AgencyKind Kind);

/// <summary>A report as computed now (or as published, when it is): figures, checks, narrative, and the records behind it.</summary>
public sealed record GeneratedReport(
    ReportAgency Agency, ReportFigures Figures, IReadOnlyList<ReportCheck> Checks,
    IReadOnlyDictionary<NarrativeSection, string> Narrative, AnnualReportState State, ReportScope Scope,
    ReportRecords Records, ReportFigures? PreviousYear, DateTimeOffset? PublishedAt, long Version = 0)
{
    public bool CanPublish => State == AnnualReportState.draft && !ReportChecks.BlocksPublication(Checks);
}

/// <summary>
/// Builds an agency's report for a year from its records and recorded inputs, runs the checks
/// (with last year's report for continuity) and fills the narrative: staff text, else the draft.
/// </summary>
public sealed class GenerateReport(GongkaiDb db, TimeProvider clock, ReportingOptions options)
{
    public const int FirstYear = 2008;

    public async Task<Result<GeneratedReport>> RunAsync(
        string? agencyCode, int year, ReportFormat? format = null, ReportScope? scope = null, CancellationToken ct = default)
    {
        var resolved = await ResolveAsync(agencyCode, year, ct);
        if (!resolved.Succeeded) return Result<GeneratedReport>.Fail(resolved.Errors);
        var agency = resolved.Value;

        var stored = await db.AnnualReports.AsNoTracking().Include(r => r.Inputs)
            .FirstOrDefaultAsync(r => r.AgencyId == agency.Id && r.Year == year, ct);
        var effectiveFormat = format ?? stored?.Format ?? ReportRecordQueries.DefaultFormat(year);
        var effectiveScope = scope ?? stored?.Scope ?? DefaultScope(agency.Kind);
        var ids = await ReportRecordQueries.ScopeAsync(db, agency.Id, effectiveScope, ct);
        var records = await ReportRecordQueries.LoadForAsync(db, ids, year, effectiveFormat, options, ct);

        ReportFigures figures;
        var published = stored?.State == AnnualReportState.published && stored.Format == effectiveFormat && stored.Scope == effectiveScope;
        if (published)
        {
            // A published report is what was published: its cells are frozen, whatever the records say today.
            var frozen = stored!.PublishedCellMap();
            var live = ReportBuilder.Build(effectiveFormat, year, records, stored.CurrentInputs(), options);
            figures = live with
            {
                Cells = live.Cells.Keys.ToDictionary(k => k, k => frozen.GetValueOrDefault(k)),
                Extras = live.Extras.Keys.ToDictionary(k => k, k => frozen.GetValueOrDefault(k)),
            };
        }
        else figures = ReportBuilder.Build(effectiveFormat, year, records, stored?.CurrentInputs(), options);

        var previous = await PreviousYearAsync(agency.Id, year, effectiveFormat, records, ct);
        var checks = ReportChecks.Run(figures, previous?.Present);
        var draft = NarrativeDraft.Write(agency, figures, previous);
        var narrative = Enum.GetValues<NarrativeSection>().ToDictionary(s => s, s => stored?.Narrative(s) ?? draft[s]);
        return Result<GeneratedReport>.Ok(new GeneratedReport(agency, figures, checks, narrative, published ? AnnualReportState.published : AnnualReportState.draft,
            effectiveScope, records, previous, published ? stored!.PublishedAt : null, stored?.Version ?? 0));
    }

    /// <summary>The agency a report is asked for, if it exists and the year is one a report can be made for.</summary>
    public async Task<Result<ReportAgency>> ResolveAsync(string? agencyCode, int year, CancellationToken ct = default)
    {
        var agency = await FindAgencyAsync(db, agencyCode, ct);
        if (agency is null)
            return new Error("report.agency", $"找不到代码为“{agencyCode}”的机关，请核对机关代码（可用 gongkai agencies list 查看）。", "agency");
        var thisYear = ChinaTime.Today(clock).Year;
        if (year < FirstYear || year > thisYear)
            return new Error("report.year", $"年度应在{FirstYear}年至{thisYear}年之间（现在是{year}）。", "year");
        return Result<ReportAgency>.Ok(agency);
    }

    public static ReportScope DefaultScope(AgencyKind kind) => ReportScope.own;

    internal static async Task<ReportAgency?> FindAgencyAsync(GongkaiDb db, string? code, CancellationToken ct)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length == 0) return null;
        return await db.Agencies.AsNoTracking().Where(a => a.Code == trimmed)
            .Select(a => new ReportAgency(a.Id, a.Code, a.Name, a.Kind)).FirstOrDefaultAsync(ct);
    }

    // Last year's published figures if it was published, else recomputed from the same records
    // (which already hold everything decided since 1 January of last year).
    private async Task<ReportFigures?> PreviousYearAsync(Guid agencyId, int year, ReportFormat format, ReportRecords records, CancellationToken ct)
    {
        if (year - 1 < FirstYear) return null;
        var previousFormat = ReportRecordQueries.DefaultFormat(year - 1);
        if (format == ReportFormat.Legacy || previousFormat == ReportFormat.Legacy) return null;
        var stored = await db.AnnualReports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year - 1 && r.State == AnnualReportState.published, ct);
        var computed = ReportBuilder.Build(stored?.Format ?? previousFormat, year - 1, records, null, options);
        if (stored is null) return computed;
        var frozen = stored.PublishedCellMap();
        return computed with { Cells = frozen.Where(c => computed.Cells.ContainsKey(c.Key)).ToDictionary(c => c.Key, c => c.Value) };
    }
}
