using Gongkai.Common;
using Gongkai.Reporting;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>The dashboard: each agency's report for a year, its Art. 49 deadline and state.</summary>
[Authorize(Policy = ReportPolicies.View)]
public sealed class IndexModel(ListReportDeadlines deadlines, CurrentStaff staff, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IReadOnlyList<AgencyReportStatus> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var thisYear = ChinaTime.Today(clock).Year;
        Year = Year is { } y && y >= GenerateReport.FirstYear && y <= thisYear ? y : thisYear - 1;
        var all = await deadlines.RunAsync(Year.Value, ct);
        Rows = staff.IsPlatformAdmin ? all : [.. all.Where(r => r.Code == staff.AgencyCode)];
    }
}
