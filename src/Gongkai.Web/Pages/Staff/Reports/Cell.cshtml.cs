using Gongkai.Data;
using Gongkai.Reporting;
using Gongkai.Requests;
using Gongkai.Appeals;
using Gongkai.Catalog;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>Drill-down: the records behind one cell of a report.</summary>
[Authorize(Policy = ReportPolicies.View)]
public sealed class CellModel(GongkaiDb db, GenerateReport generate, CurrentStaff staff, ReportingOptions options) : PageModel
{
    public sealed record Line(string First, string Second, string Third, string Fourth);

    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    public GeneratedReport Report { get; private set; } = null!;
    public string CellLabel { get; private set; } = "";
    public decimal? Value { get; private set; }
    public string[] Headers { get; private set; } = [];
    public List<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, int year, CancellationToken ct)
    {
        var agencyId = await db.Agencies.Where(a => a.Code == code).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (agencyId is null) return NotFound();
        if (!staff.CanAccess(agencyId.Value)) return Forbid();
        var result = await generate.RunAsync(code, year, ct: ct);
        if (!result.Succeeded) return NotFound();
        Report = result.Value;
        var cell = ReportFormats.For(Report.Figures.Format).FindCell(Key ?? "");
        if (cell is null) return NotFound();
        CellLabel = $"表{cell.TableNumber}　{cell.Describe()}";
        Value = Report.Figures.Cells[cell.Key];
        var (kind, ids) = ReportDrillDown.Select(Report.Figures.Format, year, cell.Key, await ReportRecordQueries.ForDrillDownAsync(db, Report, cell.Key, ct), options);
        var set = ids.ToList();
        switch (kind)
        {
            case DrillKind.Requests:
                Headers = ["查询码", "申请人", "收到日期", "状态 / 处理结果"];
                var requests = await db.DisclosureRequests.AsNoTracking().Where(r => set.Contains(r.Id)).OrderBy(r => r.ReceivedOn)
                    .Select(r => new { r.QueryCode, r.ApplicantName, r.ReceivedOn, r.Status, r.ResultLeaf, r.DecidedOn }).ToListAsync(ct);
                Lines = [.. requests.Select(r => new Line(r.QueryCode, r.ApplicantName, r.ReceivedOn.ToString("yyyy-MM-dd"),
                    $"{r.Status.Label()}{(r.ResultLeaf is null ? "" : $"（{r.ResultLeaf}，{r.DecidedOn:yyyy-MM-dd}）")}"))];
                break;
            case DrillKind.Appeals:
                Headers = ["类别", "提出日期", "结果", "审结日期"];
                var appeals = await db.RequestAppeals.AsNoTracking().Where(a => set.Contains(a.Id)).OrderBy(a => a.FiledOn).ToListAsync(ct);
                Lines = [.. appeals.Select(a => new Line(a.Kind.Label(), a.FiledOn.ToString("yyyy-MM-dd"), a.Outcome.Label(), a.DecidedOn?.ToString("yyyy-MM-dd") ?? ""))];
                break;
            case DrillKind.Items:
                Headers = ["索引号", "标题", "成文日期", "有效性"];
                var items = await db.CatalogItems.AsNoTracking().Where(i => set.Contains(i.Id)).OrderBy(i => i.WrittenOn).ToListAsync(ct);
                Lines = [.. items.Select(i => new Line(i.IndexNo ?? "", i.Title, i.WrittenOn.ToString("yyyy-MM-dd"), i.Validity.Label()))];
                break;
        }
        return Page();
    }
}
