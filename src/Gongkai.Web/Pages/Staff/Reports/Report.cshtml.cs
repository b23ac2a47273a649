using Gongkai.Data;
using Gongkai.Reporting;
using Gongkai.Reporting.Export;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>One agency's report for one year: figures with drill-down, checks, inputs, narrative, publication.</summary>
[Authorize(Policy = ReportPolicies.View)]
public sealed class ReportModel(GongkaiDb db, GenerateReport generate, EditReport edit, CheckAggregation aggregation, CurrentStaff staff,
    IAuthorizationService authorization) : PageModel
{
    public GeneratedReport Report { get; private set; } = null!;
    public AggregationResult? Aggregation { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanPublish { get; private set; }
    public IReadOnlyList<ReportCell> RecordedCells { get; private set; } = [];

    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public NarrativeSection Section { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Format { get; set; }
    [BindProperty] public ReportScope Scope { get; set; }
    /// <summary>The report version the posting page showed; a newer one means someone else wrote meanwhile.</summary>
    [BindProperty] public long? Seen { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, int year, CancellationToken ct) => await ShowAsync(code, year, ct);

    public Task<IActionResult> OnPostInputAsync(string code, int year, CancellationToken ct) => WriteAsync(code, year, ReportPolicies.Edit, () =>
    {
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(Value))
        {
            if (!decimal.TryParse(Value.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v))
                return Task.FromResult(Gongkai.Common.Result.Fail(new Gongkai.Common.Error("report.input_number", $"“{Value}”不是数字，请填写数字（可带小数点），或留空表示不填。", "value")));
            value = v;
        }
        return edit.RecordInputAsync(code, year, Key ?? "", value, staff.Actor, ct);
    }, "已记录数字。", ct);

    public Task<IActionResult> OnPostNarrativeAsync(string code, int year, CancellationToken ct) =>
        WriteAsync(code, year, ReportPolicies.Edit, () => edit.EditNarrativeAsync(code, year, Section, Text, staff.Actor, ct, Seen), "已保存正文。", ct);

    public Task<IActionResult> OnPostConfigureAsync(string code, int year, CancellationToken ct) => WriteAsync(code, year, ReportPolicies.Edit, () =>
        ReportKeys.TryParseFormat(Format, out var format) && Enum.IsDefined(Scope)
            ? edit.ConfigureAsync(code, year, format, Scope, staff.Actor, ct, Seen)
            : Task.FromResult(Gongkai.Common.Result.Fail(new Gongkai.Common.Error("report.format", "请选择报告格式和统计范围。"))), "已保存报告设置。", ct);

    public Task<IActionResult> OnPostPublishAsync(string code, int year, CancellationToken ct) =>
        WriteAsync(code, year, ReportPolicies.Publish, () => edit.PublishAsync(code, year, staff.Actor, ct, Seen), "年度报告已发布。", ct);

    private async Task<IActionResult> WriteAsync(string code, int year, string policy, Func<Task<Gongkai.Common.Result>> write, string notice, CancellationToken ct)
    {
        var agencyId = await db.Agencies.Where(a => a.Code == code).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (agencyId is null) return NotFound();
        if (!staff.CanAccess(agencyId.Value) || !(await authorization.AuthorizeAsync(User, policy)).Succeeded) return Forbid();
        var result = await write();
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect($"/staff/reports/{code}/{year}");
        }
        foreach (var e in result.Errors) ModelState.AddModelError("", e.Message);
        return await ShowAsync(code, year, ct);
    }

    private async Task<IActionResult> ShowAsync(string code, int year, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => new { a.Id, a.Kind }).FirstOrDefaultAsync(ct);
        if (agency is null) return NotFound();
        if (!staff.CanAccess(agency.Id)) return Forbid();
        var result = await generate.RunAsync(code, year, ct: ct);
        if (!result.Succeeded) return NotFound();
        Report = result.Value;
        CanEdit = Report.State == AnnualReportState.draft && (await authorization.AuthorizeAsync(User, ReportPolicies.Edit)).Succeeded;
        CanPublish = Report.CanPublish && (await authorization.AuthorizeAsync(User, ReportPolicies.Publish)).Succeeded;
        RecordedCells = [.. ReportFormats.For(Report.Figures.Format).Cells.Where(c => Report.Figures.Sources[c.Key] == CellSource.Recorded)];
        if (Report.Scope == ReportScope.tree)
        {
            var check = await aggregation.RunAsync(code, year, ct);
            if (check.Succeeded) Aggregation = check.Value;
        }
        return Page();
    }

    public string ReportHtml() => Gongkai.Reporting.Export.ReportHtml.Fragment(Report,
        key => Report.Figures.Sources.GetValueOrDefault(key) == CellSource.Computed && Report.State == AnnualReportState.draft
            ? $"/staff/reports/{Report.Agency.Code}/{Report.Figures.Year}/cell?key={Uri.EscapeDataString(key)}"
            : null);
}
