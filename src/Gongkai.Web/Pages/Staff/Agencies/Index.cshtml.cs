using Gongkai.Agencies;
using Gongkai.Data;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Agencies;

[Authorize(Policy = AgencyPolicies.Edit)]
public sealed class IndexModel(GongkaiDb db, CurrentStaff staff) : PageModel
{
    public sealed record Row(string Code, string Name, AgencyKind Kind, string CreditCode, string? ParentName);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Agency admins see only their own agency.
        var all = staff.IsPlatformAdmin;
        Rows = await db.Agencies.AsNoTracking().Where(a => all || a.Id == staff.AgencyId)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new Row(a.Code, a.Name, a.Kind, a.CreditCode, db.Agencies.Where(p => p.Id == a.ParentId).Select(p => p.Name).FirstOrDefault()))
            .ToListAsync(ct);
    }
}
