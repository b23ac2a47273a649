using Gongkai.Data;
using Gongkai.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Portal;

/// <summary>The 年报 sub-column of an agency's disclosure column: its published annual reports.</summary>
public sealed class ReportsModel(GongkaiDb db, GenerateReport generate) : PageModel
{
    public sealed record Published(int Year, DateTimeOffset? At);

    public string AgencyCode { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public IReadOnlyList<Published> Reports { get; private set; } = [];
    public GeneratedReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(string agency, int? year, CancellationToken ct)
    {
        var found = await db.Agencies.AsNoTracking().Where(a => a.Code == agency).Select(a => new { a.Id, a.Code, a.Name }).FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        (AgencyCode, AgencyName) = (found.Code, found.Name);
        Reports = await db.AnnualReports.AsNoTracking()
            .Where(r => r.AgencyId == found.Id && r.State == AnnualReportState.published)
            .OrderByDescending(r => r.Year).Select(r => new Published(r.Year, r.PublishedAt)).ToListAsync(ct);
        if (year is { } y)
        {
            if (Reports.All(r => r.Year != y)) return NotFound();
            var result = await generate.RunAsync(agency, y, ct: ct);
            if (!result.Succeeded || result.Value.State != AnnualReportState.published) return NotFound();
            Report = result.Value;
        }
        return Page();
    }
}
