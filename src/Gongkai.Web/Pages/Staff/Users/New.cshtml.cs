using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Users;

[Authorize(Policy = UserPolicies.Manage)]
public sealed class NewModel(GongkaiDb db, AddStaffUser addStaffUser, CurrentStaff staff) : PageModel
{
    public sealed class InputModel
    {
        public string? AgencyCode { get; set; }
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public List<StaffRole> Roles { get; set; } = [];
    }

    public sealed record AgencyChoice(Guid Id, string Code, string Name);

    [BindProperty] public InputModel Input { get; set; } = new();
    public List<AgencyChoice> Agencies { get; private set; } = [];
    public string? CreatedUserName { get; private set; }
    public string? CreatedPassword { get; private set; }

    /// <summary>Only a platform admin can make another platform admin.</summary>
    public IEnumerable<StaffRole> GrantableRoles =>
        Enum.GetValues<StaffRole>().Where(r => r != StaffRole.platform_admin || staff.IsPlatformAdmin);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        Input.AgencyCode = staff.AgencyCode;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        // Agencies outside the user's reach are not offered; a forged value is refused like any other bad input.
        if (Agencies.FirstOrDefault(a => a.Code == Input.AgencyCode) is null)
            ModelState.AddModelError("Input.AgencyCode", "请选择您有权管理的机关。");
        if (Input.Roles.Any(r => !GrantableRoles.Contains(r)))
            ModelState.AddModelError("Input.Roles", "您不能授予平台管理员角色。");
        if (!ModelState.IsValid) return Page();

        var result = await addStaffUser.RunAsync(
            new AddStaffUser.Input(Input.AgencyCode!, Input.UserName ?? "", Input.DisplayName, Input.Roles), staff.Actor, ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors.Select(e => e with { Field = e.Field == nameof(AddStaffUser.Input.Password) ? null : e.Field }));
            return Page();
        }
        CreatedUserName = result.Value.User.UserName;
        CreatedPassword = result.Value.Password;
        ModelState.Clear();
        Input = new InputModel { AgencyCode = Input.AgencyCode };
        return Page();
    }

    private async Task LoadAgenciesAsync(CancellationToken ct)
    {
        var all = staff.IsPlatformAdmin;
        Agencies = await db.Agencies.AsNoTracking().Where(a => all || a.Id == staff.AgencyId)
            .OrderBy(a => a.SortOrder).Select(a => new AgencyChoice(a.Id, a.Code, a.Name)).ToListAsync(ct);
    }
}
