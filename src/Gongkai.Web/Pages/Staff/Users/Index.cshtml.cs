using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Users;

[Authorize(Policy = UserPolicies.Manage)]
public sealed class IndexModel(GongkaiDb db, CurrentStaff staff, TimeProvider clock) : PageModel
{
    public sealed record Row(string UserName, string DisplayName, string AgencyName, List<StaffRole> Roles, bool LockedOut);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = staff.IsPlatformAdmin;
        var rows = await db.Users.AsNoTracking().Where(u => all || u.AgencyId == staff.AgencyId)
            .OrderBy(u => u.AgencyId).ThenBy(u => u.UserName)
            .Select(u => new
            {
                u.UserName, u.DisplayName, u.LockoutEnd,
                Agency = db.Agencies.Where(a => a.Id == u.AgencyId).Select(a => a.Name).First(),
                Roles = u.Roles.Select(r => r.Role).ToList(),
            }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        Rows = rows.Select(r => new Row(r.UserName ?? "", r.DisplayName, r.Agency, r.Roles.Order().ToList(), r.LockoutEnd > now)).ToList();
    }
}
