using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reporting;

/// <summary>
/// The staff writes on a report: format/scope, recorded inputs, narrative, publication. Each is
/// audited; none may touch a computed cell or a published report.
/// </summary>
public sealed class EditReport(GongkaiDb db, TimeProvider clock, GenerateReport generate)
{
    public static readonly Error EditedMeanwhile = new("edited_meanwhile",
        "该年度报告刚被他人修改（或已发布），您的修改没有保存。请刷新页面，核对最新内容后再提交。");

    /// <param name="seenVersion">The report version the admin's page showed (0: not started); null skips the check.</param>
    public async Task<Result> ConfigureAsync(string agencyCode, int year, ReportFormat format, ReportScope scope, string actor, CancellationToken ct = default, long? seenVersion = null)
    {
        var (report, error) = await LoadAsync(agencyCode, year, ct);
        if (error is not null) return Result.Fail(error);
        if (seenVersion is { } seen && report!.Version != seen) return Result.Fail(EditedMeanwhile);
        if (report!.Configure(format, scope) is { } e) return Result.Fail(e);
        db.Audit.Record(actor, report.AgencyId, "report.configure", $"AnnualReport:{report.Id}", $"{year}年度报告：格式 {format.Key()}，范围 {(scope == ReportScope.tree ? "含下级机关" : "本机关")}");
        return await SaveAsync(ct);
    }

    public async Task<Result> RecordInputAsync(string agencyCode, int year, string key, decimal? value, string actor, CancellationToken ct = default)
    {
        var (report, error) = await LoadAsync(agencyCode, year, ct);
        if (error is not null) return Result.Fail(error);
        var definition = ReportFormats.For(report!.Format);
        if (!definition.HasCell(key) && !ReportBuilder.ExtraInputKeys.Contains(key))
            return Result.Fail(new Error("report.input_key", $"“{key}”不是{report.Format.Key()}格式报告中的单元格。", "key"));
        if (ReportBuilder.ComputedKeys(report.Format).Contains(key))
            return Result.Fail(new Error("report.input_computed", $"“{definition.FindCell(key)?.Describe() ?? key}”由办理记录自动计算，不能手工填写；如数字不对，请更正相应的记录。", "key"));
        if (value is < 0)
            return Result.Fail(new Error("report.input_negative", "填写的数字不能为负数。", "value"));
        if (report.RecordInput(key, value, actor, clock.GetUtcNow()) is { } e) return Result.Fail(e);
        db.Add(report.Inputs[^1]);
        db.Audit.Record(actor, report.AgencyId, "report.input", $"AnnualReport:{report.Id}", $"{year}年度报告 {key} = {(value is null ? "空" : ConsistencyRules.Fmt(value.Value))}");
        return await SaveAsync(ct);
    }

    /// <param name="seenVersion">The report version the admin's page showed (0: not started); null skips the check.</param>
    public async Task<Result> EditNarrativeAsync(string agencyCode, int year, NarrativeSection section, string? markdown, string actor, CancellationToken ct = default, long? seenVersion = null)
    {
        if (markdown is { Length: > 20000 })
            return Result.Fail(new Error("report.narrative_long", $"每一部分正文不能超过20000字（现在是{markdown.Length}字）。", section.ToString()));
        var (report, error) = await LoadAsync(agencyCode, year, ct);
        if (error is not null) return Result.Fail(error);
        if (seenVersion is { } seen && report!.Version != seen) return Result.Fail(EditedMeanwhile);
        if (report!.EditNarrative(section, markdown, actor, clock.GetUtcNow()) is { } e) return Result.Fail(e);
        db.Audit.Record(actor, report.AgencyId, "report.narrative", $"AnnualReport:{report.Id}", $"{year}年度报告修改正文（{section}）");
        return await SaveAsync(ct);
    }

    /// <param name="seenVersion">The report version the publisher's page showed; null skips the check.</param>
    public async Task<Result> PublishAsync(string agencyCode, int year, string actor, CancellationToken ct = default, long? seenVersion = null)
    {
        var generated = await generate.RunAsync(agencyCode, year, ct: ct);
        if (!generated.Succeeded) return Result.Fail(generated.Errors);
        var (report, error) = await LoadAsync(agencyCode, year, ct);
        if (error is not null) return Result.Fail(error);
        if (seenVersion is { } seen && report!.Version != seen) return Result.Fail(EditedMeanwhile);
        var g = generated.Value;
        if (report!.Publish(g.Figures, g.Checks, g.Narrative, actor, clock.GetUtcNow()) is { } e) return Result.Fail(e);
        db.Audit.Record(actor, report.AgencyId, "report.publish", $"AnnualReport:{report.Id}", $"发布{g.Agency.Name}{year}年政府信息公开工作年度报告");
        return await SaveAsync(ct);
    }

    /// <summary>
    /// One write per call. A concurrent write from the same state (the report's version token, the unique
    /// agency-year index of a first write, or an input's sequence number tells) leaves nothing written.
    /// </summary>
    private async Task<Result> SaveAsync(CancellationToken ct) =>
        await db.SaveOrRefuseAsync(EditedMeanwhile, ct) is { } conflict ? Result.Fail(conflict) : Result.Ok();

    /// <summary>The stored report of that agency and year, started (draft, default format) if there is none yet.</summary>
    private async Task<(AnnualReport?, Error?)> LoadAsync(string agencyCode, int year, CancellationToken ct)
    {
        var agency = await GenerateReport.FindAgencyAsync(db, agencyCode, ct);
        if (agency is null) return (null, new Error("report.agency", $"找不到代码为“{agencyCode}”的机关，请核对机关代码。", "agency"));
        var thisYear = ChinaTime.Today(clock).Year;
        if (year < GenerateReport.FirstYear || year > thisYear)
            return (null, new Error("report.year", $"年度应在{GenerateReport.FirstYear}年至{thisYear}年之间（现在是{year}）。", "year"));
        var report = await db.AnnualReports.Include(r => r.Inputs).FirstOrDefaultAsync(r => r.AgencyId == agency.Id && r.Year == year, ct);
        if (report is null)
        {
            report = AnnualReport.Start(agency.Id, year, ReportRecordQueries.DefaultFormat(year), GenerateReport.DefaultScope(agency.Kind));
            db.AnnualReports.Add(report);
        }
        return (report, null);
    }
}
